package dev.campaignkeeper.bot.console;

import com.google.inject.AbstractModule;
import dev.campaignkeeper.bot.command.UserDisplay;
import dev.campaignkeeper.core.transcript.TranscriptStyle;
import dev.campaignkeeper.core.memory.InMemoryChatPlatform;
import dev.campaignkeeper.core.port.ChatPlatform;
import java.io.PrintStream;
import java.util.Objects;

/**
 * Guice wiring of the console in place of Discord: the core's {@link InMemoryChatPlatform}, whose
 * webhook posts print as {@code [Display Name] text} and direct messages as {@code [Campaign
 * Keeper, direct message to Gina] text}, and users shown by their console names.
 */
public final class ConsoleModule extends AbstractModule {

    private final PrintStream out;
    private final ConsoleNames names;

    /**
     * Creates the module.
     *
     * @param out where webhook posts are printed
     * @param names the session's names
     */
    public ConsoleModule(PrintStream out, ConsoleNames names) {
        this.out = Objects.requireNonNull(out, "out");
        this.names = Objects.requireNonNull(names, "names");
    }

    @Override
    protected void configure() {
        InMemoryChatPlatform platform = new InMemoryChatPlatform(post -> out.println(ConsoleSession.formatPost(post)),
                message -> out.println(formatDirectMessage(message, names)));
        bind(ConsoleNames.class).toInstance(names);
        bind(InMemoryChatPlatform.class).toInstance(platform);
        bind(ChatPlatform.class).toInstance(platform);
        bind(dev.campaignkeeper.bot.command.ProxyReadiness.class)
                .toInstance(dev.campaignkeeper.bot.command.ProxyReadiness.READY);
        bind(UserDisplay.class).toInstance(names::show);
        bind(TranscriptStyle.class).toInstance(transcriptStyle(names));
    }

    /** Transcripts made in the console name users by their console names and link nothing. */
    static TranscriptStyle transcriptStyle(ConsoleNames names) {
        return TranscriptStyle.plain().withAuthorNames(user -> names.nameOf(user).orElse("user " + user.value()));
    }

    /**
     * How the console shows a direct message from the bot.
     *
     * @param message the message
     * @param names the session's names
     * @return {@code [Campaign Keeper, direct message to Gina] text}, continuation lines indented
     */
    static String formatDirectMessage(InMemoryChatPlatform.DirectMessage message, ConsoleNames names) {
        String to = names.nameOf(message.user()).orElse(message.user().value());
        return ("[" + ConsoleSession.BOT_NAME + ", direct message to " + to + "] " + message.text())
                .replace("\n", "\n    ");
    }
}
