package dev.campaignkeeper.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;

/**
 * campaign-admin's logging, set up in code rather than from an XML file (parsing one costs a
 * noticeable part of a short command's start-up): library logs go to stderr at WARN so that
 * stdout (tables, one JSON document) stays clean; {@code -Dcampaign.admin.log.level=LEVEL} changes
 * that level and {@code -Dcampaign.admin.loader.log.level=LEVEL} the store loader's (ERROR by
 * default: the CLI prints the recovery events it logs in its own output). {@code --verbose} raises
 * both to INFO ({@link CampaignAdmin}). With {@code -Dlogback.configurationFile=FILE}, that file is
 * used instead. Found by logback through {@code META-INF/services}.
 */
public final class LogConfigurator extends ContextAwareBase implements Configurator {

    /** The pattern of every line: {@code campaign-admin: LEVEL Logger: message} on one line. */
    static final String PATTERN = "campaign-admin: %level %logger{0}: %replace(%msg){'[\\r\\n]+', ' '}%n%nopex";

    /** Made by logback's service loader. */
    public LogConfigurator() {
        // no state: configure does the work
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY; // an explicit file: logback's own configurator reads it
        }
        context.getStatusManager().add(new NopStatusListener());

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();

        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(System.getProperty("campaign.admin.log.level"), Level.WARN));
        root.addAppender(stderr);
        context.getLogger("dev.campaignkeeper.persistence.json.Loader")
                .setLevel(Level.toLevel(System.getProperty("campaign.admin.loader.log.level"), Level.ERROR));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
