package dev.campaignkeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void cleanDropsAFullStopBeforeASeparatorAndDoubledSeparators() {
        assertThat(Messages.clean("x.json: The name is empty.; nothing imported"))
                .isEqualTo("x.json: The name is empty; nothing imported");
        assertThat(Messages.clean("one;; two,, three")).isEqualTo("one; two, three");
        assertThat(Messages.clean("\"quoted\"., next")).isEqualTo("\"quoted\", next");
    }

    @Test
    void cleanDropsJavaClassNamesThatLibrariesPutBeforeTheirMessage() {
        assertThat(Messages.clean("x.json: not valid JSON (java.io.EOFException: End of input at line 1 column 11)"))
                .isEqualTo("x.json: not valid JSON (End of input at line 1 column 11)");
        assertThat(Messages.clean("bad: com.google.gson.stream.MalformedJsonException: Unterminated object"))
                .isEqualTo("bad: Unterminated object");
        assertThat(Messages.clean("failed with OutOfMemoryError")).isEqualTo("failed with ");
    }

    @Test
    void cleanLeavesPathsFileNamesAndAddressesAlone() {
        String message = "data directory ../data: no such file; see campaigns.json: http://[::1]:8080/a.png... ok";

        assertThat(Messages.clean(message)).isEqualTo(message);
    }

    @Test
    void clauseDropsTheFinalFullStopButKeepsAnEllipsis() {
        assertThat(Messages.clause("The name is empty. ")).isEqualTo("The name is empty");
        assertThat(Messages.clause("wait...")).isEqualTo("wait...");
    }

    @Test
    void ioReasonNeverNamesTheExceptionClass() {
        assertThat(Messages.ioReason(new java.io.EOFException())).doesNotContain("Exception").contains("cut off");
        assertThat(Messages.ioReason(new java.io.IOException())).isEqualTo("input/output error");
        assertThat(Messages.ioReason(new java.nio.file.FileSystemException("f", null, "Read-only file system")))
                .isEqualTo("f: read-only file system");
    }
}
