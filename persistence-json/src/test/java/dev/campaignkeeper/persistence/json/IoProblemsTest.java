package dev.campaignkeeper.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class IoProblemsTest {

    @Test
    void permissionDeniedNamesTheFileOnceAndWhatToCheck() {
        String text = IoProblems.describe(new AccessDeniedException("/srv/data/manifest.json"));
        assertThat(text).startsWith("/srv/data/manifest.json: permission denied")
                .contains("owner").doesNotContain("Exception");
        assertThat(text.indexOf("/srv/data/manifest.json")).isEqualTo(text.lastIndexOf("/srv/data/manifest.json"));
    }

    @Test
    void operatingSystemReasonsReadAsPlainWords() {
        assertThat(IoProblems.describe(new FileSystemException("/d/campaigns.json", null, "Is a directory")))
                .isEqualTo("/d/campaigns.json: is a directory");
        assertThat(IoProblems.reason(new FileSystemException("/d/.lock", null,
                "Too many levels of symbolic links or unable to access attributes of symbolic link")))
                .isEqualTo("is a symbolic link");
        assertThat(IoProblems.describe(new NoSuchFileException("/d/npcs.json"))).isEqualTo("/d/npcs.json: does not exist");
    }

    @Test
    void unsafeFilesSayWhatTheyAre() {
        UnsafeFileException unsafe = new UnsafeFileException(Path.of("/d/campaigns.json"), "is a symbolic link");
        assertThat(IoProblems.describe(unsafe)).isEqualTo("/d/campaigns.json: is a symbolic link");
        assertThat(unsafe.getMessage()).startsWith("campaigns.json is a symbolic link");
    }

    @Test
    void anUnnamedFailureWithoutMessageIsNotAClassName() {
        assertThat(IoProblems.describe(new IOException())).isEqualTo("input/output error");
        assertThat(IoProblems.describe(new IOException("x".repeat(10_000))).length()).isLessThan(400);
    }
}
