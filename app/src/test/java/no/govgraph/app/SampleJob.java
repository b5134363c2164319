package no.govgraph.app;

import java.time.Duration;
import java.util.List;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;

/** The upload job that serve's first start makes of the bundled sample corpus. */
final class SampleJob {

    private SampleJob() {}

    /** Polls the job over Bolt until it is finished or failed; its last status ("" if none yet). */
    static String awaitOver(Driver bolt, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String status = "";
        while (System.nanoTime() < deadline && !status.equals("finished") && !status.equals("failed")) {
            Thread.sleep(1000);
            List<Record> jobs = bolt.executableQuery("MATCH (j:ImportJob) RETURN j.status AS s")
                    .execute()
                    .records();
            status = jobs.isEmpty() ? "" : jobs.get(0).get("s").asString();
        }
        return status;
    }
}
