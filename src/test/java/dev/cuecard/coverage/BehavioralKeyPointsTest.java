package dev.cuecard.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.question.Category;
import dev.cuecard.question.Template;
import dev.cuecard.question.TemplateLibrary;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The behavioural cards' key points name what a good story contains, so a real STAR story ticks
 * them by meaning (the live coach, practice scoring and the debrief all read them); advice such as
 * "lead with impact" or "pick a story from your story bank" is never said in an answer. The stories
 * are written for this test, not taken from the practice calibration sets.
 */
class BehavioralKeyPointsTest {
    private static final TemplateLibrary TEMPLATES = TemplateLibrary.shipped();

    static final String MENTORING = "Last year a junior engineer joined my team straight from a bootcamp and was"
            + " struggling with code reviews; her pull requests went through four or five rounds. As the senior on the"
            + " team my task was to get her productive. I set up weekly one-on-ones, we paired on her reviews twice a"
            + " week, and since she learned best by doing I gave her a small service to own end to end instead of more"
            + " tickets. After three months her pull requests needed two review rounds instead of five, and she shipped"
            + " the billing export on her own. What I learned is to hand over ownership early and to ask questions"
            + " instead of handing over answers.";

    static final String FAILURE = "Two years ago I owned the migration of our order database to a new cluster. I"
            + " tested the migration script on a staging copy, but I assumed staging had the same data volume as"
            + " production, and it did not. On the night of the switch the copy took four hours instead of forty"
            + " minutes and about three thousand customers could not check out. That was my mistake, I had not checked"
            + " the size. I stopped the migration, rolled back to the old cluster within twenty minutes and told my"
            + " manager and the support team what had happened. Afterwards I added a dry run against a production"
            + " snapshot to our migration checklist and a size check to the script. We have done six migrations since"
            + " without an incident.";

    static final String OUTAGE = "I was on call when our payment API started returning errors for about fifteen"
            + " percent of requests right after a Friday deploy. I owned the service, so I led the response. First I"
            + " rolled back the deploy, which stopped the errors within ten minutes, and I posted updates in the"
            + " incident channel every fifteen minutes. Then I dug into the root cause: a new connection pool setting"
            + " that exhausted database connections under peak load. I fixed the configuration and added a load test"
            + " for it. Afterwards I wrote a blameless postmortem, we added an alert on pool saturation and a canary"
            + " stage to the pipeline, and we have not had that failure again. A colleague from the database team"
            + " helped find the cause, and I made sure the review credited her.";

    private static List<PointCoverage> cover(String templateId, String answer) {
        Template t = TEMPLATES.get(templateId).orElseThrow();
        return SemanticCoverage.shipped().cover(t.card().keyPoints(), answer);
    }

    private static long covered(List<PointCoverage> points) {
        return points.stream().filter(PointCoverage::covered).count();
    }

    @Test
    void aRealStarStoryCoversAtLeastHalfOfItsCardsKeyPointsByMeaning() {
        assertThat(SemanticCoverage.shipped().semantic()).as("embedding model loaded").isTrue();
        for (String[] story : new String[][] {{"leadership-mentoring", MENTORING}, {"time-you-failed", FAILURE},
                {"production-outage-owned", OUTAGE}}) {
            List<PointCoverage> points = cover(story[0], story[1]);
            assertThat(covered(points) * 2).as("%s: %s", story[0], points).isGreaterThanOrEqualTo(points.size());
        }
    }

    @Test
    void aVagueAnswerOnTheSameTopicCoversAtMostOneKeyPoint() {
        String[][] vague = {
            {"leadership-mentoring", "I like helping people, I always answer questions on Slack and I think mentoring is"
                    + " really important for a team."},
            {"time-you-failed", "I guess my failure is that I sometimes work too hard and forget to take breaks, but it"
                    + " usually works out."},
            {"production-outage-owned", "We had an outage once and it was pretty stressful, but we fixed it in the end"
                    + " and everything was fine."},
        };
        for (String[] v : vague) {
            List<PointCoverage> points = cover(v[0], v[1]);
            assertThat(covered(points)).as("%s: %s", v[0], points).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void behaviouralKeyPointsNameContentNotAdvice() {
        for (Template t : TEMPLATES.inCategory(Category.BEHAVIORAL)) {
            for (String point : t.card().keyPoints()) {
                assertThat(point.toLowerCase()).as(t.id())
                        .doesNotContain("story bank")
                        .doesNotStartWith("pick ")
                        .doesNotStartWith("show ")
                        .doesNotStartWith("emphasise ")
                        .doesNotStartWith("mention ")
                        .doesNotStartWith("be ");
            }
        }
    }
}
