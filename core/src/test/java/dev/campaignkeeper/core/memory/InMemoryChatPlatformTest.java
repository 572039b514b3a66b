package dev.campaignkeeper.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.campaignkeeper.core.error.MissingPermissionException;
import dev.campaignkeeper.core.error.PlatformNotFoundException;
import dev.campaignkeeper.core.memory.InMemoryChatPlatform.Operation;
import dev.campaignkeeper.core.memory.InMemoryChatPlatform.Post;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.MessageId;
import dev.campaignkeeper.core.model.RoleId;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.model.WebhookId;
import dev.campaignkeeper.core.port.Upload;
import dev.campaignkeeper.core.port.WebhookTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryChatPlatformTest {

    private static final GuildId GUILD = GuildId.of(1);
    private static final ChannelId CHANNEL = ChannelId.of(2);
    private static final UserId USER = UserId.of(3);

    private final List<Post> printed = new ArrayList<>();
    private final InMemoryChatPlatform platform = new InMemoryChatPlatform(printed::add);

    @Test
    void recordsRolesAndHolders() {
        RoleId role = platform.createRole(GUILD, "Mine (GM)");
        platform.addRole(GUILD, USER, role);

        assertThat(platform.roles(GUILD)).containsExactly(Map.entry(role, "Mine (GM)"));
        assertThat(platform.holders(GUILD, role)).containsExactly(USER);

        platform.removeRole(GUILD, USER, role);
        assertThat(platform.holders(GUILD, role)).isEmpty();
    }

    @Test
    void deletingARoleTakesItFromEveryHolder() {
        RoleId role = platform.createRole(GUILD, "r");
        platform.addRole(GUILD, USER, role);

        platform.deleteRole(GUILD, role);

        assertThat(platform.roles(GUILD)).isEmpty();
        assertThat(platform.holders(GUILD, role)).isEmpty();
        assertThatThrownBy(() -> platform.addRole(GUILD, USER, role)).isInstanceOf(PlatformNotFoundException.class);
    }

    @Test
    void rolesBelongToTheirGuild() {
        RoleId role = platform.createRole(GUILD, "r");

        assertThat(platform.roles(GuildId.of(9))).isEmpty();
        assertThatThrownBy(() -> platform.deleteRole(GuildId.of(9), role))
                .isInstanceOf(PlatformNotFoundException.class);
    }

    @Test
    void postsThroughAnExistingWebhookAndHandsThemToTheConsumer() {
        WebhookId webhook = platform.createWebhook(GUILD, CHANNEL, "Campaign Keeper");

        platform.postAs(GUILD, CHANNEL, webhook, "Aria", Optional.empty(), "Hello");

        assertThat(platform.posts()).singleElement().satisfies(post -> {
            assertThat(post.displayName()).isEqualTo("Aria");
            assertThat(post.text()).isEqualTo("Hello");
            assertThat(post.webhook()).isEqualTo(webhook);
            assertThat(post.thread()).isEmpty();
        });
        assertThat(printed).isEqualTo(platform.posts());
        assertThat(platform.webhooks().get(webhook).channel()).isEqualTo(CHANNEL);
    }

    @Test
    void forgottenWebhookIsNotFound() {
        WebhookId webhook = platform.createWebhook(GUILD, CHANNEL, "w");
        platform.forgetWebhook(webhook);

        assertThatThrownBy(() -> platform.postAs(GUILD, CHANNEL, webhook, "Aria", Optional.empty(), "Hi"))
                .isInstanceOf(PlatformNotFoundException.class);
        assertThatThrownBy(() -> platform.deleteWebhook(GUILD, webhook))
                .isInstanceOf(PlatformNotFoundException.class);
        assertThat(platform.posts()).isEmpty();
        assertThat(printed).isEmpty();
    }

    @Test
    void webhookPostsOnlyIntoItsOwnChannel() {
        WebhookId webhook = platform.createWebhook(GUILD, CHANNEL, "w");

        assertThatThrownBy(() -> platform.postAs(GUILD, ChannelId.of(77), webhook, "A", Optional.empty(), "Hi"))
                .isInstanceOf(PlatformNotFoundException.class);
    }

    @Test
    void failNextFailsExactlyTheNextCallOfThatOperation() {
        MissingPermissionException failure = new MissingPermissionException("Manage Roles");
        platform.failNext(Operation.CREATE_ROLE, failure);

        WebhookId webhook = platform.createWebhook(GUILD, CHANNEL, "w");
        assertThatThrownBy(() -> platform.createRole(GUILD, "r")).isSameAs(failure);
        RoleId role = platform.createRole(GUILD, "r");

        assertThat(platform.roles(GUILD)).containsOnlyKeys(role);
        assertThat(platform.webhooks()).containsOnlyKeys(webhook);
    }

    @Test
    void failuresQueueUpOnePerCall() {
        platform.failNext(Operation.POST, new PlatformNotFoundException("one"));
        platform.failNext(Operation.POST, new PlatformNotFoundException("two"));
        WebhookId webhook = platform.createWebhook(GUILD, CHANNEL, "w");

        assertThatThrownBy(() -> platform.postAs(GUILD, CHANNEL, webhook, "A", Optional.empty(), "x"))
                .hasMessage("one");
        assertThatThrownBy(() -> platform.postAs(GUILD, CHANNEL, webhook, "A", Optional.empty(), "x"))
                .hasMessage("two");
        platform.postAs(GUILD, CHANNEL, webhook, "A", Optional.empty(), "x");
        assertThat(platform.posts()).hasSize(1);
    }

    @Test
    void keptImagesAreNumberedInOrderAndNamedByTheirType() {
        Upload png = new Upload("aria.png", "image/png", new byte[] {1, 2});
        Upload odd = new Upload("blob", "application/octet-stream", new byte[] {3});

        String first = platform.keepImage(GUILD, USER, "Aria's avatar", png);
        String second = platform.keepImage(GUILD, USER, "a blob", odd);

        assertThat(first).isEqualTo(InMemoryChatPlatform.KEPT_IMAGE_LINKS + "1.png");
        assertThat(second).isEqualTo(InMemoryChatPlatform.KEPT_IMAGE_LINKS + "2.img");
        assertThat(platform.keptImages()).extracting(InMemoryChatPlatform.KeptImage::caption,
                        InMemoryChatPlatform.KeptImage::image, InMemoryChatPlatform.KeptImage::link)
                .containsExactly(tuple("Aria's avatar", png, first), tuple("a blob", odd, second));
    }

    @Test
    void keepingAnImageCanBeFailed() {
        MissingPermissionException failure = new MissingPermissionException("Send Messages");
        platform.failNext(Operation.KEEP_IMAGE, failure);

        assertThatThrownBy(() -> platform.keepImage(GUILD, USER, "c", new Upload("a.png", "image/png", new byte[1])))
                .isSameAs(failure);
        assertThat(platform.keptImages()).isEmpty();
    }

    /** Posts "Hello" as Aria through the target's webhook. */
    private MessageId hello(WebhookTarget target) {
        return platform.post(GUILD, target, "Aria", Optional.empty(), "Hello", List.of()).message();
    }

    @Test
    void editsAndDeletesCanBeFailedAndLeaveThePostAsItWas() {
        WebhookTarget target = WebhookTarget.channel(CHANNEL, platform.createWebhook(GUILD, CHANNEL, "w"));
        MessageId message = hello(target);
        MissingPermissionException editFailure = new MissingPermissionException("edit");
        MissingPermissionException deleteFailure = new MissingPermissionException("delete");
        platform.failNext(Operation.EDIT_POST, editFailure);
        platform.failNext(Operation.DELETE_POST, deleteFailure);

        assertThatThrownBy(() -> platform.editPost(GUILD, target, message, "Changed")).isSameAs(editFailure);
        assertThatThrownBy(() -> platform.deletePost(GUILD, target, message)).isSameAs(deleteFailure);

        assertThat(platform.posts()).extracting(Post::text).containsExactly("Hello");
        platform.editPost(GUILD, target, message, "Changed");
        assertThat(platform.posts()).extracting(Post::text).containsExactly("Changed");
        platform.deletePost(GUILD, target, message);
        assertThat(platform.posts()).isEmpty();
    }

    @Test
    void editsAndDeletesThroughAGoneWebhookOrOfAnUnknownMessageAreNotFound() {
        WebhookId webhook = platform.createWebhook(GUILD, CHANNEL, "w");
        WebhookTarget target = WebhookTarget.channel(CHANNEL, webhook);
        MessageId message = hello(target);

        assertThatThrownBy(() -> platform.editPost(GUILD, target, MessageId.of(999_999), "x"))
                .isInstanceOf(PlatformNotFoundException.class);
        assertThatThrownBy(() -> platform.deletePost(GUILD, target, MessageId.of(999_999)))
                .isInstanceOf(PlatformNotFoundException.class);
        platform.forgetWebhook(webhook);
        assertThatThrownBy(() -> platform.editPost(GUILD, target, message, "x"))
                .isInstanceOf(PlatformNotFoundException.class).hasMessageContaining("Webhook");
        assertThatThrownBy(() -> platform.deletePost(GUILD, target, message))
                .isInstanceOf(PlatformNotFoundException.class).hasMessageContaining("Webhook");
        assertThat(platform.posts()).extracting(Post::text).containsExactly("Hello");
    }

    @Test
    void createdIdsAreDistinctSnowflakes() {
        RoleId a = platform.createRole(GUILD, "a");
        RoleId b = platform.createRole(GUILD, "b");
        WebhookId w = platform.createWebhook(GUILD, CHANNEL, "w");

        assertThat(a).isNotEqualTo(b);
        assertThat(List.of(a.value(), b.value(), w.value())).doesNotHaveDuplicates()
                .allMatch(v -> v.matches("[0-9]{1,20}"));
    }

    @Test
    void failNextCanFailTakingARoleAwayLeavingTheHolderWithIt() {
        RoleId role = platform.createRole(GUILD, "r");
        platform.addRole(GUILD, USER, role);
        MissingPermissionException failure = new MissingPermissionException("Manage Roles");
        platform.failNext(Operation.REMOVE_ROLE, failure);

        assertThatThrownBy(() -> platform.removeRole(GUILD, USER, role)).isSameAs(failure);

        assertThat(platform.holders(GUILD, role)).containsExactly(USER);
        platform.removeRole(GUILD, USER, role);
        assertThat(platform.holders(GUILD, role)).isEmpty();
    }

    @Test
    void recordsDirectMessagesHandsThemOnAndCanFailThem() {
        List<InMemoryChatPlatform.DirectMessage> handed = new ArrayList<>();
        InMemoryChatPlatform messaging = new InMemoryChatPlatform(post -> { }, handed::add);
        messaging.failNext(Operation.DIRECT_MESSAGE, new MissingPermissionException("Send Messages"));

        assertThatThrownBy(() -> messaging.sendDirectMessage(GUILD, USER, "lost"))
                .isInstanceOf(MissingPermissionException.class);
        messaging.sendDirectMessage(GUILD, USER, "Secret roll: **12**");

        InMemoryChatPlatform.DirectMessage sent = new InMemoryChatPlatform.DirectMessage(GUILD, USER,
                "Secret roll: **12**");
        assertThat(messaging.directMessages()).containsExactly(sent);
        assertThat(handed).containsExactly(sent);
    }

    @Test
    void aPlatformWithoutDirectMessagesRefusesThemByDefault() {
        dev.campaignkeeper.core.port.ChatPlatform bare = new dev.campaignkeeper.core.port.ChatPlatform() {
            @Override
            public RoleId createRole(GuildId guild, String name) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void deleteRole(GuildId guild, RoleId role) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void addRole(GuildId guild, UserId user, RoleId role) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void removeRole(GuildId guild, UserId user, RoleId role) {
                throw new UnsupportedOperationException();
            }

            @Override
            public WebhookId createWebhook(GuildId guild, ChannelId channel, String name) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void deleteWebhook(GuildId guild, WebhookId webhook) {
                throw new UnsupportedOperationException();
            }

            @Override
            public dev.campaignkeeper.core.port.Posted post(GuildId guild,
                    dev.campaignkeeper.core.port.WebhookTarget target, String displayName,
                    Optional<String> avatarUrl, String text, java.util.List<dev.campaignkeeper.core.port.Upload> files) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void editPost(GuildId guild, dev.campaignkeeper.core.port.WebhookTarget target,
                                 dev.campaignkeeper.core.model.MessageId message, String text) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void deletePost(GuildId guild, dev.campaignkeeper.core.port.WebhookTarget target,
                                   dev.campaignkeeper.core.model.MessageId message) {
                throw new UnsupportedOperationException();
            }
        };
        assertThatThrownBy(() -> bare.sendDirectMessage(GUILD, USER, "x"))
                .isInstanceOf(dev.campaignkeeper.core.error.PlatformException.class)
                .hasMessageContaining("cannot send direct messages");
    }
}
