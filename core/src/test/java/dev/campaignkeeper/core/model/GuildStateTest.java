package dev.campaignkeeper.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GuildStateTest {

    private static final GuildId GUILD = GuildId.of(1);
    private static final ChannelId A = ChannelId.of(10);
    private static final ChannelId B = ChannelId.of(11);
    private static final UserId GM = UserId.of(3);
    private static final UserId ALICE = UserId.of(4);
    private static final UserId BOB = UserId.of(5);

    private static Campaign campaign(ChannelId channel, String name) {
        return new Campaign(GUILD, channel, name, GM, RoleId.of(7), RoleId.of(8), Optional.empty(), List.of());
    }

    private static PlayerCharacter character(UserId user, ChannelId channel, String name) {
        return new PlayerCharacter(GUILD, user, channel, name, Optional.empty(), "");
    }

    private static Npc npc(ChannelId channel, String id) {
        return new Npc(GUILD, channel, NpcId.of(id), "Npc " + id, Optional.empty(), GM);
    }

    private static GuildState populated() {
        return GuildState.empty(GUILD).apply(List.of(
                new RecordChange.PutCampaign(campaign(A, "A")),
                new RecordChange.PutCampaign(campaign(B, "B")),
                new RecordChange.PutCharacter(character(ALICE, A, "Aria")),
                new RecordChange.PutCharacter(character(BOB, A, "Brom")),
                new RecordChange.PutCharacter(character(ALICE, B, "Aria B")),
                new RecordChange.PutNpc(npc(A, "n1")),
                new RecordChange.PutNpc(npc(A, "n2"))));
    }

    @Test
    void emptyStateHasNothing() {
        GuildState empty = GuildState.empty(GUILD);

        assertThat(empty.isEmpty()).isTrue();
        assertThat(empty.recordCount()).isZero();
        assertThat(empty.campaign(A)).isEmpty();
        assertThat(empty.guild()).isEqualTo(GUILD);
    }

    @Test
    void applyPutsRecordsAndKeepsInsertionOrder() {
        GuildState state = populated();

        assertThat(state.campaigns()).extracting(Campaign::name).containsExactly("A", "B");
        assertThat(state.charactersIn(A)).extracting(PlayerCharacter::name).containsExactly("Aria", "Brom");
        assertThat(state.character(B, ALICE)).map(PlayerCharacter::name).contains("Aria B");
        assertThat(state.npcsIn(A)).extracting(n -> n.id().value()).containsExactly("n1", "n2");
        assertThat(state.recordCount()).isEqualTo(7);
        assertThat(state.charactersByUser().get(ALICE)).containsOnlyKeys(A, B);
    }

    @Test
    void applyLeavesTheOriginalUnchanged() {
        GuildState before = populated();
        GuildState copy = populated();

        GuildState after = before.apply(List.of(new RecordChange.RemoveCampaign(GUILD, A),
                new RecordChange.PutCharacter(character(BOB, B, "Brom B"))));

        assertThat(before).isEqualTo(copy);
        assertThat(after).isNotEqualTo(before);
        assertThat(after.campaign(A)).isEmpty();
        assertThat(before.campaign(A)).isPresent();
    }

    @Test
    void putReplacesInPlace() {
        GuildState state = populated().apply(List.of(new RecordChange.PutCampaign(campaign(A, "A renamed"))));

        assertThat(state.campaigns()).extracting(Campaign::name).containsExactly("A renamed", "B");
    }

    @Test
    void removingEverythingLeavesAnEmptyState() {
        GuildState state = populated().apply(List.of(
                new RecordChange.RemoveCampaign(GUILD, A),
                new RecordChange.RemoveCampaign(GUILD, B),
                new RecordChange.RemoveCharacter(GUILD, ALICE, A),
                new RecordChange.RemoveCharacter(GUILD, BOB, A),
                new RecordChange.RemoveCharacter(GUILD, ALICE, B),
                new RecordChange.RemoveNpc(GUILD, A, NpcId.of("n1")),
                new RecordChange.RemoveNpc(GUILD, A, NpcId.of("n2"))));

        assertThat(state.isEmpty()).isTrue();
        assertThat(state).isEqualTo(GuildState.empty(GUILD));
        assertThat(state.charactersByUser()).isEmpty();
        assertThat(state.npcsByChannel()).isEmpty();
    }

    @Test
    void removingMissingRecordsChangesNothing() {
        GuildState state = populated();

        GuildState after = state.apply(List.of(
                new RecordChange.RemoveCampaign(GUILD, ChannelId.of(99)),
                new RecordChange.RemoveCharacter(GUILD, BOB, B),
                new RecordChange.RemoveNpc(GUILD, B, NpcId.of("n1"))));

        assertThat(after).isEqualTo(state);
    }

    @Test
    void changesApplyInOrder() {
        GuildState state = GuildState.empty(GUILD).apply(List.of(
                new RecordChange.PutNpc(npc(A, "n1")),
                new RecordChange.RemoveNpc(GUILD, A, NpcId.of("n1")),
                new RecordChange.PutCampaign(campaign(A, "first")),
                new RecordChange.PutCampaign(campaign(A, "second"))));

        assertThat(state.npcsIn(A)).isEmpty();
        assertThat(state.campaign(A)).map(Campaign::name).contains("second");
    }

    @Test
    void rejectsChangeForAnotherGuild() {
        Campaign foreign = new Campaign(GuildId.of(2), A, "X", GM, RoleId.of(7), RoleId.of(8),
                Optional.empty(), List.of());

        assertThatThrownBy(() -> GuildState.empty(GUILD).apply(List.of(new RecordChange.PutCampaign(foreign))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("guild 2");
        assertThatThrownBy(() -> GuildState.empty(GUILD).apply(List.of(
                new RecordChange.RemoveCharacter(GuildId.of(2), ALICE, A))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void viewsAreUnmodifiable() {
        GuildState state = populated();

        assertThatThrownBy(() -> state.campaigns().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> state.charactersByUser().get(ALICE).clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> state.npcsByChannel().get(A).clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void oneCallGivesTheSameStateAsOneChangeAtATime() {
        java.util.Random random = new java.util.Random(42);
        List<UserId> users = List.of(ALICE, BOB, GM);
        List<ChannelId> channels = List.of(A, B, ChannelId.of(12));
        List<RecordChange> changes = new java.util.ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            UserId user = users.get(random.nextInt(users.size()));
            ChannelId channel = channels.get(random.nextInt(channels.size()));
            NpcId npc = NpcId.of("n" + random.nextInt(4));
            changes.add(switch (random.nextInt(6)) {
                case 0 -> new RecordChange.PutCampaign(campaign(channel, "c" + i));
                case 1 -> new RecordChange.RemoveCampaign(GUILD, channel);
                case 2, 3 -> new RecordChange.PutCharacter(character(user, channel, "p" + i));
                case 4 -> random.nextBoolean() ? new RecordChange.RemoveCharacter(GUILD, user, channel)
                        : new RecordChange.RemoveNpc(GUILD, channel, npc);
                default -> new RecordChange.PutNpc(new Npc(GUILD, channel, npc, "Npc " + i, Optional.empty(), GM));
            });
        }
        GuildState stepwise = populated();
        for (int from = 0; from < changes.size(); from += 50) {
            GuildState oneCall = stepwise.apply(changes.subList(from, from + 50));
            for (RecordChange change : changes.subList(from, from + 50)) {
                stepwise = stepwise.apply(List.of(change));
            }
            assertThat(oneCall).isEqualTo(stepwise);
            assertThat(oneCall.charactersByUser()).isEqualTo(stepwise.charactersByUser());
            assertThat(List.copyOf(oneCall.charactersByUser().keySet()))
                    .isEqualTo(List.copyOf(stepwise.charactersByUser().keySet()));
            for (UserId user : oneCall.charactersByUser().keySet()) {
                assertThat(List.copyOf(oneCall.charactersByUser().get(user).keySet()))
                        .isEqualTo(List.copyOf(stepwise.charactersByUser().get(user).keySet()));
            }
            assertThat(oneCall.characters()).isEqualTo(stepwise.characters());
            assertThat(List.copyOf(oneCall.campaigns())).isEqualTo(List.copyOf(stepwise.campaigns()));
            for (ChannelId channel : channels) {
                assertThat(oneCall.npcsIn(channel)).isEqualTo(stepwise.npcsIn(channel));
            }
        }
    }

    @Test
    void manyChangesToOneOwnerInOneCallKeepOrderAndEarlierStatesIntact() {
        GuildState before = populated();
        GuildState after = before.apply(List.of(
                new RecordChange.PutCharacter(character(ALICE, ChannelId.of(12), "Aria C")),
                new RecordChange.PutCharacter(character(ALICE, A, "Aria renamed")),
                new RecordChange.RemoveCharacter(GUILD, ALICE, B),
                new RecordChange.PutNpc(npc(A, "n3")),
                new RecordChange.RemoveNpc(GUILD, A, NpcId.of("n1"))));

        assertThat(after.charactersByUser().get(ALICE)).containsOnlyKeys(A, ChannelId.of(12));
        assertThat(List.copyOf(after.charactersByUser().get(ALICE).keySet())).containsExactly(A, ChannelId.of(12));
        assertThat(after.character(A, ALICE)).map(PlayerCharacter::name).contains("Aria renamed");
        assertThat(after.npcsIn(A)).extracting(n -> n.id().value()).containsExactly("n2", "n3");
        assertThat(before).isEqualTo(populated());
        assertThatThrownBy(() -> after.charactersByUser().get(ALICE).clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> after.charactersByUser().get(BOB).clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> after.npcsByChannel().get(A).clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toStringCountsCampaignsCharactersAndNpcs() {
        assertThat(populated().toString()).isEqualTo("GuildState[1: 2 campaigns, 3 characters, 2 npcs]");
    }

    @Test
    void equalStatesHaveEqualHashCodesAndDifferentStatesDiffer() {
        GuildState one = populated();
        GuildState same = populated();
        GuildState other = one.apply(List.of(new RecordChange.RemoveCampaign(GUILD, B)));

        assertThat(one).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(other);
        assertThat(one.hashCode()).isNotEqualTo(other.hashCode());
    }

    @Test
    void everyKindOfChangeIsAppliedNoneSkipped() {
        GuildId guild = GuildId.of(1);
        ChannelId channel = ChannelId.of(2);
        UserId user = UserId.of(3);
        Campaign campaign = new Campaign(guild, channel, "c", UserId.of(4), RoleId.of(5), RoleId.of(6),
                Optional.empty(), List.of(user));
        PlayerCharacter character = new PlayerCharacter(guild, user, channel, "pc", Optional.empty(), "");
        Npc npc = new Npc(guild, channel, NpcId.of("n"), "npc", Optional.empty(), UserId.of(4));
        List<RecordChange> every = List.of(new RecordChange.PutCampaign(campaign), new RecordChange.PutCharacter(character),
                new RecordChange.PutNpc(npc), new RecordChange.RemoveNpc(guild, channel, NpcId.of("n")),
                new RecordChange.RemoveCharacter(guild, user, channel), new RecordChange.RemoveCampaign(guild, channel));
        // a new kind of change (RecordChange is sealed) must be added here and get a branch in apply
        assertThat(RecordChange.class.getPermittedSubclasses())
                .extracting(Class::getSimpleName)
                .containsExactlyInAnyOrderElementsOf(every.stream().map(c -> c.getClass().getSimpleName()).toList());

        GuildState state = GuildState.empty(guild);
        for (RecordChange change : every) {
            GuildState next = state.apply(List.of(change));
            assertThat(next).as("%s changes the state", change.getClass().getSimpleName()).isNotEqualTo(state);
            state = next;
        }
        assertThat(state.isEmpty()).isTrue();
    }
}
