package dev.campaignkeeper.core.transcript;

import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.MessageId;
import dev.campaignkeeper.core.model.NpcId;
import dev.campaignkeeper.core.model.PostRecord;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.model.WebhookId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A small scene with everything a transcript shows, and text that looks like formatting. */
final class TranscriptFixture {

    static final GuildId GUILD = GuildId.of("111111111111111111");
    static final ChannelId CAMPAIGN = ChannelId.of("222222222222222222");
    static final ChannelId THREAD = ChannelId.of("666666666666666666");
    static final UserId PAT = UserId.of("555555555555555555");
    static final UserId GINA = UserId.of("777777777777777777");
    static final Instant MADE = Instant.parse("2026-12-02T09:00:00Z");

    /** Text users could type that Markdown or HTML would otherwise read as formatting. */
    static final String TRICKY = "**not bold** _nor_ `code` <b>tag</b> & [link](https://x.example) #1 @all $x$\n"
            + "    four spaces\n"
            + "\n"
            + "- not a list | not | a table ~~no~~ 1. either\n"
            + "<script>alert('x')</script>";

    private TranscriptFixture() {
    }

    static PostRecord post(long message, Optional<ChannelId> thread, UserId author, Optional<NpcId> npc,
                           String speaker, String time, String text) {
        return new PostRecord(GUILD, CAMPAIGN, WebhookId.of("333333333333333333"), thread,
                List.of(MessageId.of(message)), author, npc, speaker, Instant.parse(time), text);
    }

    static List<PostRecord> scene() {
        PostRecord opening = post(900000000000000001L, Optional.empty(), GINA, Optional.of(NpcId.of("innkeep1")),
                "Old Gus [the *innkeeper*]", "2026-12-01T20:00:00Z", "Welcome, travellers!\nSit by the fire.")
                .withExtras(Optional.of("https://example.org/gus.png?size=64&v=2"), List.of(), List.of());
        PostRecord tricky = post(900000000000000002L, Optional.empty(), PAT, Optional.empty(), "Frodo <Baggins>",
                "2026-12-01T20:01:30Z", TRICKY);
        PostRecord roll = post(900000000000000003L, Optional.of(THREAD), PAT, Optional.empty(), "Frodo <Baggins>",
                "2026-12-01T20:05:00Z", "I search the cellar. `1d20+5` = **17**")
                .withExtras(Optional.empty(), List.of("1d20+5 [search] = 17"),
                        List.of("https://cdn.example.org/attachments/1/2/cellar-map.png?ex=abc&is=def", "sketch.webp"));
        PostRecord back = post(900000000000000004L, Optional.empty(), GINA, Optional.of(NpcId.of("innkeep1")),
                "Old Gus [the *innkeeper*]", "2026-12-01T20:07:00Z", "Found anything?");
        return List.of(opening, tricky, roll, back);
    }

    static Transcript transcript() {
        return Transcript.of("The Lost *Mine* & <Co>", GUILD, CAMPAIGN, MADE, scene());
    }

    static TranscriptStyle style() {
        return TranscriptStyle.plain()
                .withAuthorNames(user -> user.equals(PAT) ? "Pat_the_*player*" : "Gina (GM)");
    }
}
