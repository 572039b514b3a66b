package dev.campaignkeeper.core.usecase;

import static dev.campaignkeeper.core.usecase.Fixture.ADMIN;
import static dev.campaignkeeper.core.usecase.Fixture.ALICE;
import static dev.campaignkeeper.core.usecase.Fixture.BOB;
import static dev.campaignkeeper.core.usecase.Fixture.CAROL;
import static dev.campaignkeeper.core.usecase.Fixture.CHANNEL;
import static dev.campaignkeeper.core.usecase.Fixture.GM;
import static dev.campaignkeeper.core.usecase.Fixture.GUILD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignkeeper.core.error.InvalidInputException;
import dev.campaignkeeper.core.error.NotFoundException;
import dev.campaignkeeper.core.error.NotPermittedException;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.MessageId;
import dev.campaignkeeper.core.model.Place;
import dev.campaignkeeper.core.model.PostRecord;
import dev.campaignkeeper.core.port.Upload;
import dev.campaignkeeper.core.transcript.Transcript;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Scene transcripts from the post log: who may have one, which posts, in what order, as they are now. */
class TranscriptServiceTest {

    private static final ChannelId THREAD = ChannelId.of(3500);

    private final Fixture world = new Fixture();

    private TranscriptService transcripts() {
        return world.keeper.transcripts();
    }

    private Transcript all() {
        return transcripts().transcript(GM, GUILD, Place.text(CHANNEL), TranscriptService.Range.all());
    }

    private static List<String> texts(Transcript transcript) {
        return transcript.sections().stream().flatMap(section -> section.posts().stream()).map(PostRecord::text)
                .toList();
    }

    @Test
    void postsComeInOrderAttributedToWhoReallyPostedThemOneSectionPerPlace() {
        world.campaignWithTwoCharacters();
        world.npcs().create(GM, GUILD, CHANNEL, "Old Gus", Optional.of("https://example.com/gus.png"));
        world.speech().sayAsCharacter(ALICE, GUILD, Place.text(CHANNEL), PostContent.text("Hello."));
        world.speech().sayAsNpc(GM, GUILD, Place.text(CHANNEL), "Old Gus", PostContent.text("Welcome."));
        world.speech().sayAsCharacter(BOB, GUILD, Place.thread(THREAD, CHANNEL), PostContent.text("In the cellar."));
        world.speech().sayAsCharacter(ALICE, GUILD, Place.text(CHANNEL), PostContent.text("Bob?"));

        Transcript transcript = all();

        assertThat(transcript.campaignName()).isEqualTo("the-lost-mine");
        assertThat(transcript.madeAt()).isEqualTo(Fixture.NOW);
        assertThat(transcript.sections()).extracting(Transcript.Section::thread)
                .containsExactly(Optional.empty(), Optional.of(THREAD));
        assertThat(transcript.sections().get(0).posts())
                .extracting(post -> post.speaker() + " by " + post.author().value() + ": " + post.text())
                .containsExactly("Aria by 11: Hello.", "Old Gus by 10: Welcome.", "Aria by 11: Bob?");
        assertThat(transcript.sections().get(1).posts()).extracting(PostRecord::speaker).containsExactly("Brom");
        assertThat(transcript.sections().get(0).posts()).extracting(PostRecord::avatarUrl)
                .containsExactly(Optional.of("https://example.com/aria.png"), Optional.of("https://example.com/gus.png"),
                        Optional.of("https://example.com/aria.png"));
    }

    @Test
    void editedPostsShowTheirNewTextAndDeletedOnesAreLeftOut() {
        world.campaignWithTwoCharacters();
        PostRecord first = world.speech().sayAsCharacter(ALICE, GUILD, Place.text(CHANNEL), PostContent.text("Hi"))
                .post();
        PostRecord second = world.speech().sayAsCharacter(BOB, GUILD, Place.text(CHANNEL), PostContent.text("Oops"))
                .post();
        world.speech().sayAsCharacter(ALICE, GUILD, Place.text(CHANNEL), PostContent.text("Where to?"));
        world.speech().edit(ALICE, GUILD, first.id(), "Hello, friends.");
        world.speech().delete(BOB, GUILD, second.id());

        assertThat(texts(all())).containsExactly("Hello, friends.", "Where to?");
    }

    @Test
    void inlineRollsRollsAndImagesAreRecordedWithThePost() {
        world.campaignWithTwoCharacters();
        world.speech().sayAsCharacter(ALICE, GUILD, Place.text(CHANNEL), PostContent.text("I swing [[1d20+5]]!"));
        world.keeper.rolls().roll(BOB, GUILD, CHANNEL, "2d6 [damage]", false, Optional.empty(), "Bob");
        world.speech().sayAsCharacter(ALICE, GUILD, Place.text(CHANNEL), new PostContent("The map", Optional.empty(),
                Optional.of(new Upload("map.png", "image/png", new byte[] {1, 2, 3}))));

        List<PostRecord> posts = all().sections().get(0).posts();

        assertThat(posts.get(0).rolls()).singleElement().asString().matches("1d20\\+5 = (\\d+)");
        assertThat(posts.get(0).text()).contains("**" + posts.get(0).rolls().get(0).replaceFirst(".* = ", "") + "**");
        assertThat(posts.get(1).rolls()).singleElement().asString().matches("2d6 \\[damage\\] = \\d+");
        assertThat(posts.get(2).rolls()).isEmpty();
        assertThat(posts.get(2).images()).as("the in-memory platform gives no links: the file name")
                .containsExactly("map.png");
    }

    @Test
    void fromAndToBoundTheTranscriptByMessageEitherEndOpen() {
        world.campaignWithTwoCharacters();
        List<MessageId> ids = new java.util.ArrayList<>();
        for (String text : List.of("one", "two", "three", "four")) {
            ids.add(world.speech().sayAsCharacter(ALICE, GUILD, Place.text(CHANNEL), PostContent.text(text)).post()
                    .id());
        }
        Place here = Place.text(CHANNEL);

        assertThat(texts(transcripts().transcript(GM, GUILD, here,
                new TranscriptService.Range(Optional.of(ids.get(1)), Optional.of(ids.get(2)), Optional.empty()))))
                .containsExactly("two", "three");
        assertThat(texts(transcripts().transcript(GM, GUILD, here,
                new TranscriptService.Range(Optional.of(ids.get(2)), Optional.empty(), Optional.empty()))))
                .containsExactly("three", "four");
        assertThat(texts(transcripts().transcript(GM, GUILD, here,
                new TranscriptService.Range(Optional.empty(), Optional.of(ids.get(0)), Optional.empty()))))
                .containsExactly("one");
        assertThatThrownBy(() -> transcripts().transcript(GM, GUILD, here,
                new TranscriptService.Range(Optional.of(ids.get(3)), Optional.of(ids.get(0)), Optional.empty())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("comes after");
        assertThatThrownBy(() -> transcripts().transcript(GM, GUILD, here,
                new TranscriptService.Range(Optional.of(MessageId.of("99999999999999999999")), Optional.empty(),
                        Optional.empty())))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("in that range");
    }

    @Test
    void messagesAreComparedAsNumbersNotAsText() {
        assertThat(TranscriptService.compare(MessageId.of("999"), MessageId.of("1000"))).isNegative();
        assertThat(TranscriptService.compare(MessageId.of("0042"), MessageId.of("42"))).isZero();
        assertThat(TranscriptService.compare(MessageId.of("51"), MessageId.of("50"))).isPositive();
    }

    @Test
    void aPlaceLimitsTheTranscriptToOneThreadOrTheChannelsOwnPosts() {
        world.campaignWithTwoCharacters();
        world.speech().sayAsCharacter(ALICE, GUILD, Place.text(CHANNEL), PostContent.text("here"));
        world.speech().sayAsCharacter(ALICE, GUILD, Place.thread(THREAD, CHANNEL), PostContent.text("there"));

        Transcript thread = transcripts().transcript(GM, GUILD, Place.text(CHANNEL),
                new TranscriptService.Range(Optional.empty(), Optional.empty(), Optional.of(THREAD)));
        Transcript channel = transcripts().transcript(GM, GUILD, Place.text(CHANNEL),
                new TranscriptService.Range(Optional.empty(), Optional.empty(), Optional.of(CHANNEL)));

        assertThat(texts(thread)).containsExactly("there");
        assertThat(texts(channel)).containsExactly("here");
    }

    @Test
    void theGmCoGmsAndAdminsGetItPlayersAndOthersAreRefused() {
        world.campaignWithTwoCharacters();
        world.speech().sayAsCharacter(ALICE, GUILD, Place.text(CHANNEL), PostContent.text("Hello."));
        Place here = Place.thread(THREAD, CHANNEL);

        assertThat(transcripts().transcript(world.coGm(), GUILD, here, TranscriptService.Range.all()).postCount())
                .isEqualTo(1);
        assertThat(transcripts().transcript(ADMIN, GUILD, here, TranscriptService.Range.all()).postCount())
                .isEqualTo(1);
        assertThatThrownBy(() -> transcripts().transcript(ALICE, GUILD, here, TranscriptService.Range.all()))
                .isInstanceOf(NotPermittedException.class).hasMessageContaining("the GM can allow its players");
        assertThatThrownBy(() -> transcripts().checkAllowed(CAROL, GUILD, here))
                .isInstanceOf(NotPermittedException.class).hasMessageNotContaining("allow");
    }

    @Test
    void playersGetItWhenTheGmAllowsItStrangersNever() {
        world.campaignWithTwoCharacters();
        world.speech().sayAsCharacter(ALICE, GUILD, Place.text(CHANNEL), PostContent.text("Hello."));
        assertThatThrownBy(() -> world.campaigns().changeSettings(ALICE, GUILD, CHANNEL,
                settings -> settings.withPlayersMayLog(true))).isInstanceOf(NotPermittedException.class);

        world.campaigns().changeSettings(GM, GUILD, CHANNEL, settings -> settings.withPlayersMayLog(true));

        assertThat(transcripts().transcript(ALICE, GUILD, Place.text(CHANNEL), TranscriptService.Range.all())
                .postCount()).isEqualTo(1);
        assertThatThrownBy(() -> transcripts().checkAllowed(CAROL, GUILD, Place.text(CHANNEL)))
                .isInstanceOf(NotPermittedException.class);
        world.campaigns().changeSettings(GM, GUILD, CHANNEL, settings -> settings.withPlayersMayLog(false));
        assertThatThrownBy(() -> transcripts().checkAllowed(BOB, GUILD, Place.text(CHANNEL)))
                .isInstanceOf(NotPermittedException.class);
    }

    @Test
    void aCampaignWithoutPostsSaysSoWithoutNamingCommands() {
        world.campaignWithTwoCharacters();

        assertThatThrownBy(this::all).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("no in-character post").hasMessageNotContaining("/");
    }
}
