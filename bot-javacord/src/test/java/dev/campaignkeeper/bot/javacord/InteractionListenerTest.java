package dev.campaignkeeper.bot.javacord;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.campaignkeeper.bot.command.Attachment;
import dev.campaignkeeper.bot.command.CommandCatalog;
import dev.campaignkeeper.bot.command.CommandSpec;
import dev.campaignkeeper.bot.command.Reply;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class InteractionListenerTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(InteractionListener.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void captureLog() {
        logged.start();
        logger.addAppender(logged);
        logger.setAdditive(false);
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(logged);
        logger.setAdditive(true);
    }

    @Test
    void anExportDiscordDidNotTakeIsLoggedInFullSoTheEndedCampaignIsNotLost() {
        CommandSpec end = CommandCatalog.find("campaign end").orElseThrow();
        String export = "{\"format_version\": 1, \"campaign\": {\"name\": \"The Lost Mine\"}}";
        Reply reply = Reply.visibleToAll("The campaign has ended.")
                .with(new Attachment("the-lost-mine-export.json", export));

        InteractionListener.notDelivered(end, reply, new CompletionException(new IllegalStateException("HTTP 500")));

        List<ILoggingEvent> errors = logged.list.stream().filter(e -> e.getLevel() == Level.ERROR).toList();
        assertThat(errors).singleElement().satisfies(event -> assertThat(event.getFormattedMessage())
                .contains("/campaign end").contains("the-lost-mine-export.json").contains(export));
    }

    @Test
    void aReplyWithoutAttachmentIsOnlyAWarning() {
        CommandSpec info = CommandCatalog.find("campaign info").orElseThrow();

        InteractionListener.notDelivered(info, Reply.ephemeral("The Lost Mine"), new IllegalStateException("gone"));

        assertThat(logged.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).contains("/campaign info");
        });
    }
}
