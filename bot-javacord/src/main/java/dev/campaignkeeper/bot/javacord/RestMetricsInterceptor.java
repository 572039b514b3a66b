package dev.campaignkeeper.bot.javacord;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import okhttp3.Interceptor;
import okhttp3.Response;

/** Reports each HTTP call of the bot's own webhook client (latency and status, 429s included). */
final class RestMetricsInterceptor implements Interceptor {

    private final BotMetrics metrics;

    RestMetricsInterceptor(BotMetrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        long started = System.nanoTime();
        int status = 0;
        try {
            Response response = chain.proceed(chain.request());
            status = response.code();
            return response;
        } finally {
            metrics.discordCall("webhook", Duration.ofNanos(System.nanoTime() - started), status);
        }
    }
}
