package dev.campaignkeeper.core.transcript;

import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.PostRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A campaign's in-character posts, in the order they were posted, one section per place they were
 * posted in (the campaign channel, each thread or forum post), the sections in the order of their
 * first post.
 *
 * @param campaignName the campaign's name
 * @param guild the guild
 * @param campaign the campaign's channel
 * @param madeAt when the transcript was made
 * @param sections the sections; each has at least one post
 */
public record Transcript(String campaignName, GuildId guild, ChannelId campaign, Instant madeAt,
                         List<Section> sections) {

    /**
     * The posts of one place.
     *
     * @param thread the thread or forum post; empty for the campaign channel itself
     * @param posts the posts, oldest first; at least one
     */
    public record Section(Optional<ChannelId> thread, List<PostRecord> posts) {

        /**
         * Validates the fields.
         *
         * @param thread the thread or forum post; empty for the campaign channel itself
         * @param posts the posts, oldest first; at least one
         */
        public Section {
            Objects.requireNonNull(thread, "thread");
            posts = List.copyOf(posts);
            if (posts.isEmpty()) {
                throw new IllegalArgumentException("a transcript section has at least one post");
            }
        }
    }

    /**
     * Validates the fields.
     *
     * @param campaignName the campaign's name
     * @param guild the guild
     * @param campaign the campaign's channel
     * @param madeAt when the transcript was made
     * @param sections the sections; each has at least one post
     */
    public Transcript {
        Objects.requireNonNull(campaignName, "campaignName");
        Objects.requireNonNull(guild, "guild");
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(madeAt, "madeAt");
        sections = List.copyOf(sections);
    }

    /**
     * Groups posts into sections by the place they were posted in.
     *
     * @param campaignName the campaign's name
     * @param guild the guild
     * @param campaign the campaign's channel
     * @param madeAt when the transcript is made
     * @param posts the posts, oldest first
     * @return the transcript
     */
    public static Transcript of(String campaignName, GuildId guild, ChannelId campaign, Instant madeAt,
                                List<PostRecord> posts) {
        Map<Optional<ChannelId>, List<PostRecord>> byPlace = new LinkedHashMap<>();
        for (PostRecord post : posts) {
            byPlace.computeIfAbsent(post.thread(), place -> new ArrayList<>()).add(post);
        }
        List<Section> sections = new ArrayList<>(byPlace.size());
        byPlace.forEach((thread, threadPosts) -> sections.add(new Section(thread, threadPosts)));
        return new Transcript(campaignName, guild, campaign, madeAt, sections);
    }

    /**
     * How many posts the transcript holds.
     *
     * @return the number of posts over all sections
     */
    public int postCount() {
        return sections.stream().mapToInt(section -> section.posts().size()).sum();
    }

    /**
     * Whether the transcript holds no post.
     *
     * @return true if there are no sections
     */
    public boolean isEmpty() {
        return sections.isEmpty();
    }
}
