package io.nurture.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PopulationTest {

    private final Behaviour behaviour = Behaviour.read(Path.of("behaviour.yaml"));

    @Test
    void theSameSeedMakesTheSameCustomers() {
        List<Shopper> first = Shopper.population(behaviour, new Dice(behaviour.seed()));
        List<Shopper> second = Shopper.population(behaviour, new Dice(behaviour.seed()));

        assertThat(first)
                .extracting(Shopper::email, s -> s.segment.name(), s -> s.home.zone(), s -> s.marketingConsent)
                .isEqualTo(second.stream()
                        .map(s -> org.assertj.core.groups.Tuple.tuple(
                                s.email(), s.segment.name(), s.home.zone(), s.marketingConsent))
                        .toList());
    }

    @Test
    void anotherSeedMakesOtherCustomers() {
        List<Shopper> first = Shopper.population(behaviour, new Dice(1));
        List<Shopper> second = Shopper.population(behaviour, new Dice(2));

        assertThat(first.stream().map(s -> s.segment.name()).toList())
                .isNotEqualTo(second.stream().map(s -> s.segment.name()).toList());
    }

    @Test
    void segmentsGetTheirShareOfThePopulation() {
        Map<String, Long> sizes = Shopper.population(behaviour, new Dice(behaviour.seed())).stream()
                .collect(Collectors.groupingBy(s -> s.segment.name(), Collectors.counting()));

        assertThat(sizes.get("loyal")).isBetween(200L, 300L);
        assertThat(sizes.get("occasional")).isBetween(440L, 560L);
        assertThat(sizes.get("one-off")).isBetween(200L, 300L);
    }

    @Test
    void arrivalsAreSpreadEvenlyOverTheArrivalDays() {
        Map<Integer, Long> perDay = Shopper.population(behaviour, new Dice(behaviour.seed())).stream()
                .collect(Collectors.groupingBy(s -> s.arrivalDay, Collectors.counting()));

        assertThat(perDay.keySet()).hasSize(behaviour.firstOrdersWithinDays());
        assertThat(perDay.values()).allSatisfy(n -> assertThat(n).isBetween(16L, 17L));
    }

    @Test
    void aSegmentWithoutATimeBeforeTheFirstOrderOrdersOnArrivalAndTheOthersLaterOrOnlyWhenAMailBringsThem() {
        List<Shopper> shoppers = Shopper.population(behaviour, new Dice(behaviour.seed()));

        assertThat(shoppers)
                .filteredOn(s -> s.segment.name().equals("loyal"))
                .allSatisfy(s -> assertThat(s.firstOrderDay).isEqualTo(s.arrivalDay));
        List<Shopper> occasional = shoppers.stream()
                .filter(s -> s.segment.name().equals("occasional"))
                .toList();
        assertThat(occasional)
                .filteredOn(s -> s.firstOrderDay != null)
                .allSatisfy(s -> assertThat(s.firstOrderDay).isBetween(s.arrivalDay + 1, s.arrivalDay + 40));
        assertThat(occasional.stream().filter(s -> s.firstOrderDay == null).count())
                .as("occasional customers who order only when a mail brings them (30 %% of %d)", occasional.size())
                .isBetween((long) (occasional.size() * 0.22), (long) (occasional.size() * 0.38));
    }

    @Test
    void aChoiceDoesNotDependOnWhatWasDecidedBefore() {
        Dice dice = new Dice(7);
        double before = dice.roll(3, "survey-answered", 1);
        dice.roll(3, "nps", 1);
        dice.roll(4, "survey-answered", 1);

        assertThat(dice.roll(3, "survey-answered", 1)).isEqualTo(before).isBetween(0.0, 1.0);
    }

    @Test
    void weightedChoicesFollowTheirWeights() {
        Dice dice = new Dice(11);
        Map<Integer, Long> scores = java.util.stream.IntStream.range(0, 10_000)
                .mapToObj(i -> dice.pick(i, "nps", 0, Map.of(10, 0.7, 2, 0.3)))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        assertThat(scores.get(10)).isBetween(6_800L, 7_200L);
        assertThat(scores.get(2)).isBetween(2_800L, 3_200L);
    }
}
