package no.govgraph.backend.cypher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CypherGuardTest {

    @ParameterizedTest
    @CsvSource(
            delimiterString = "=>",
            textBlock =
                    """
            CREATE (n:Office {id: 'x'}) => write clause CREATE
            match (n) set n.name = 'x' => write clause SET
            MATCH (n) DETACH DELETE n => write clause DETACH
            MATCH (n)\tREMOVE n.name => write clause REMOVE
            MERGE (n:Tool {id: 't'}) => write clause MERGE
            MATCH (n) FOREACH (x IN [1] | SET n.a = x) => write clause FOREACH
            LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line => LOAD CSV
            load  csv from 'http://example.org/x.csv' as l return l => LOAD CSV
            MATCH (n) CALL { WITH n RETURN n } IN TRANSACTIONS RETURN n => IN TRANSACTIONS
            MATCH (n) CALL { WITH n RETURN n } IN 2 CONCURRENT TRANSACTIONS RETURN n => IN TRANSACTIONS
            MATCH (n) CALL (n) { RETURN n } IN $k CONCURRENT TRANSACTIONS RETURN n => IN TRANSACTIONS
            CREATE INDEX x FOR (n:Office) ON (n.name) => write clause CREATE
            DROP CONSTRAINT office_id => administration command DROP
            SHOW USERS => administration command SHOW
            MATCH (n) RETURN n; MATCH (m) DELETE m => only one statement
            CALL dbms.security.createUser('x', 'y', false) => procedure dbms.security.createUser
            CALL apoc.periodic.iterate('a', 'b', {}) => procedure apoc.periodic.iterate
            MATCH (n) /* harmless */ CrEaTe (m) => write clause CREATE
            USE system SHOW USERS => USE is not allowed
            MATCH (n) RETURN n /* unclosed => not closed
            MATCH (u:User) RETURN u => 'User' is not queryable
            MATCH (u:`User`) RETURN u => 'User' is not queryable
            MATCH (e:Office|AuditEvent) RETURN e => 'AuditEvent' is not queryable
            MATCH (n) RETURN n.passwordHash => 'passwordHash' is not queryable
            """)
    void refusesWithAReasonNamingTheProblem(String query, String reason) {
        assertThat(CypherGuard.refusal(query))
                .hasValueSatisfying(r -> assertThat(r).contains(reason));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "MATCH (n) RETURN count(n) AS n",
                "MATCH (o:Office) WHERE o.name = 'CREATE something; DELETE' RETURN o",
                "MATCH (o:Office) RETURN o.set AS set_value, o.`create` AS c",
                "MATCH (n) // DELETE everything\nRETURN n LIMIT 1",
                "MATCH (n) RETURN n {.name, delete: 1} LIMIT 1",
                "CALL db.labels() YIELD label RETURN label",
                "CALL db.index.fulltext.queryNodes('entity_names', $q) YIELD node RETURN node",
                "MATCH (n) CALL { WITH n RETURN n.id AS id } RETURN id",
                "MATCH (n:`Set`) RETURN n;",
                "MATCH (n) WHERE n.name STARTS WITH 'NAV' RETURN n",
                "MATCH (n) WHERE n.role = 'User' RETURN n.user AS user"
            })
    void letsReadQueriesThrough(String query) {
        assertThat(CypherGuard.refusal(query)).isEmpty();
    }
}
