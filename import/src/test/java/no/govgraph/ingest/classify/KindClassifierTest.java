package no.govgraph.ingest.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KindClassifierTest {

    @ParameterizedTest(name = "{0} / {1} -> {3}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            Samarbeidsavtale mellom Nav Frogner og Oslo kommune | avtale.pdf        | Partene er enige om følgende.                          | agreement
            Lokal samarbeidsavtale                             | x.docx            | Avtalepartane er Voss herad og Nav Vestland.           | agreement
            Partnership agreement                              | a.pdf             | The parties agree.                                     | agreement
            Tildelingsbrev 2015                                | brev.pdf          | Vi viser til budsjettet.                               | management_letter
            Mål- og disponeringsbrev for Nav Bærum             | m.docx            | Fylkesdirektøren gir med dette føringer.               | management_letter
            Allocation letter 2016                             | letter.pdf        | The directorate allocates the following funds.         | management_letter
            Virksomhetsplan 2015                               | plan.docx         | Planen beskriver tiltak for året.                      | plan
            Verksemdsplan for Nav Voss                         | v.odt             | Planen skildrar tiltak.                                | plan
            Operational plan                                   | op.pdf            | Actions for the coming year.                           | plan
            Årsrapport 2014                                    | rapport.pdf       | Resultatene viser at flere kom i arbeid.               | report
            Annual report                                      | ar.pdf            | Results for 2014.                                      | report
                                                               | intervju_03.txt   | Intervjuer: Hvordan styres kontoret? Informant: Vi.    | interview
            Interview notes                                    | notes.docx        | Interviewer: How is the office run?                    | interview
            Protokoll                                          | møte.txt          | Møtet ble holdt i kantina.                             | other
            """)
    void classifiesFromTitleFileNameAndText(String title, String fileName, String text, String expected) {
        assertThat(KindClassifier.classify(title, fileName, "application/pdf", text)
                        .value())
                .isEqualTo(expected);
    }

    @Test
    void mailIsEmailWhateverItSays() {
        assertThat(KindClassifier.classify("Årsrapport", "x.eml", "message/rfc822", "Årsrapport vedlagt"))
                .isEqualTo(DocumentKind.EMAIL);
    }

    @Test
    void mailHeadersInTextMakeEmail() {
        String text = "Fra: Kari\nTil: Ola\nEmne: Møte\nDato: 2. mars\n\nHei!";
        assertThat(KindClassifier.classify(null, "mail.txt", "text/plain", text))
                .isEqualTo(DocumentKind.EMAIL);
    }
}
