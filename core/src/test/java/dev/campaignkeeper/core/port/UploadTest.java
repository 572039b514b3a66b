package dev.campaignkeeper.core.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UploadTest {

    @Test
    void theBytesAreCopiedInAndOut() {
        byte[] bytes = {1, 2, 3};
        Upload upload = new Upload("map.png", "image/png", bytes);
        bytes[0] = 9;

        byte[] out = upload.content();
        out[1] = 9;

        assertThat(upload.content()).containsExactly(1, 2, 3);
        assertThat(upload.size()).isEqualTo(3);
    }

    @Test
    void uploadsAreEqualByNameTypeAndContent() {
        Upload upload = new Upload("map.png", "image/png", new byte[] {1, 2});

        assertThat(upload).isEqualTo(new Upload("map.png", "image/png", new byte[] {1, 2}))
                .hasSameHashCodeAs(new Upload("map.png", "image/png", new byte[] {1, 2}));
        assertThat(upload).isNotEqualTo(new Upload("other.png", "image/png", new byte[] {1, 2}))
                .isNotEqualTo(new Upload("map.png", "image/jpeg", new byte[] {1, 2}))
                .isNotEqualTo(new Upload("map.png", "image/png", new byte[] {1, 3}))
                .isNotEqualTo("map.png");
        assertThat(upload.hashCode()).isNotEqualTo(new Upload("map.png", "image/png", new byte[] {2, 1}).hashCode());
    }

    @Test
    void toStringNamesTheFileAndItsSizeNotItsBytes() {
        assertThat(new Upload("map.png", "image/png", new byte[1024])).hasToString("Upload[map.png, image/png, 1024 bytes]");
    }

    @Test
    void aBlankFileNameIsRefused() {
        assertThatThrownBy(() -> new Upload(" ", "image/png", new byte[1]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
