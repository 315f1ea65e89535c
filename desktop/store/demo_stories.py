"""Demo STAR stories: a handful of realistic answers, tagged, some rehearsed, some not lately."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import Session

from desktop.domain.stories import Rehearsal, Scope, StoryDraft
from desktop.domain.story_themes import CustomTheme
from desktop.store import stories as story_store

_STORIES: tuple[tuple[StoryDraft, tuple[tuple[int, int, int], ...]], ...] = (
    (
        StoryDraft(
            title="The checkout outage on sale day",
            situation=(
                "On the first morning of our autumn sale, checkout error rates jumped to 18% "
                "within ten minutes of the marketing email going out. I was the on-call engineer "
                "for the payments service, which handles about 1,200 orders a minute at peak. "
                "The sale was the biggest revenue day of the quarter, and the business had "
                "promised partners a smooth launch."
            ),
            task=(
                "I had to stop the bleeding fast, keep the business informed, and make sure the "
                "same failure could not happen at the next sale. I also wanted the business to "
                "hear one calm, clear voice during the incident instead of five people guessing."
            ),
            action=(
                "I opened an incident channel and asked a colleague to handle updates to the "
                "business so I could focus. From the dashboards I saw the connection pool to the "
                "fraud service was exhausted; I raised the pool size as a stopgap and turned on "
                "the cached fraud decision for returning customers, which we had built for "
                "exactly this. Errors dropped within six minutes. Afterwards I led the "
                "blameless review, found that our load test used last year's traffic shape, and "
                "wrote a load-test plan based on the email send schedule. I also added an alert "
                "on pool saturation at 70% so we would see it coming. Before the next sale I "
                "ran the new load test twice with the fraud team, which showed that their "
                "service needed two more replicas, and I wrote the runbook entry for turning "
                "the cached decisions on, so that whoever was on call could do it in one step "
                "without waiting for me."
            ),
            result=(
                "We lost about 25 minutes of degraded checkout instead of the whole morning. "
                "At the next sale, with 40% more traffic, error rates stayed under 0.5% and the "
                "saturation alert fired once, early, with time to act. The runbook step has "
                "since been used by two other on-call engineers."
            ),
            themes=("production-incident", "ownership", "deliver-results", "bias-for-action"),
            scope=Scope.TEAMS,
            companies=("Amazon", "Shopify"),
            notes="Expect: why was the pool size wrong? Have the before/after graph in mind.",
        ),
        ((1, 165, 4), (9, 212, 3)),
    ),
    (
        StoryDraft(
            title="Finding the N+1 query behind slow order history",
            situation=(
                "Customers complained that the order history page took up to eight seconds. "
                "Two earlier tickets had been closed as 'database is slow'."
            ),
            task="I picked it up because it kept coming back, and I wanted a real root cause.",
            action=(
                "I turned on query logging for one slow request and counted 412 queries for a "
                "page of 20 orders: each line item loaded its product separately. I traced it to "
                "a serializer that looked innocent, wrote a failing test that counted queries, "
                "and fixed it with one prefetch. I then added the query-count check to our CI "
                "for the five busiest endpoints, and shared a short write-up with the other "
                "backend teams because the same serializer pattern appeared in their code."
            ),
            result=(
                "Page load went from 8 seconds to 300 ms at p95, database CPU fell by 22%, and "
                "two other teams found and fixed the same pattern within a month."
            ),
            themes=("dive-deep", "highest-standards", "learn-and-be-curious"),
            scope=Scope.TEAMS,
            companies=("Amazon",),
        ),
        ((3, 150, 5),),
    ),
    (
        StoryDraft(
            title="Getting three teams onto one event schema",
            situation=(
                "Three teams published order events in three slightly different shapes, and "
                "every new consumer had to handle all of them."
            ),
            task=(
                "Nobody owned the problem and I had no authority over the other two teams, but "
                "my team's new service needed one schema."
            ),
            action=(
                "I wrote a one-page proposal with the cost of the current state in engineer "
                "weeks, and met each tech lead separately before any group meeting so I could "
                "hear their objections early. One lead worried about a migration freeze during "
                "their launch, so I offered a dual-publish period and wrote the adapter myself. "
                "I ran a short review where each team signed off on the fields they cared about."
            ),
            result=(
                "All three teams moved to the shared schema within one quarter. New consumers "
                "now take about two days to build instead of two weeks."
            ),
            themes=("leadership-without-authority", "earn-trust", "cross-team-delivery"),
            scope=Scope.ORGANISATION,
            companies=("Stripe",),
        ),
        ((15, 190, 3),),
    ),
    (
        StoryDraft(
            title="Missing the search migration date",
            situation="We had promised to move search to the new cluster by the end of March.",
            task="I was the tech lead and had set the date myself.",
            action=(
                "We found late that reindexing took far longer than our estimate. We decided "
                "together to keep going and we worked weekends, and we told the product manager "
                "two weeks before the date. We split the index and we shipped in April."
            ),
            result="The migration finished three weeks late. Everyone was relieved.",
            themes=("missed-deadline", "learning-from-failure"),
            scope=Scope.TEAM,
        ),
        (),
    ),
    (
        StoryDraft(
            title="Mentoring a new graduate through their first on-call",
            situation="A new graduate joined the team two months before their first on-call week.",
            task="I offered to prepare them so that the week would build confidence, not fear.",
            action=(
                "I paired with them on three past incidents using our runbooks, then let them "
                "lead a game day while I only asked questions."
            ),
            result="",
            themes=("mentoring", "hire-and-develop", "my-on-call"),
            scope=Scope.SELF,
        ),
        (),
    ),
)


def populate_demo_stories(*, session: Session, today: datetime) -> None:
    """Stories written over the last weeks; rehearsals given as (days ago, seconds, rating)."""
    story_store.add_custom_theme(
        session=session,
        theme=CustomTheme("my-on-call", "On-call and operational load", "Being on call well."),
        now=today - timedelta(days=30),
    )
    for age, (draft, rehearsals) in enumerate(reversed(_STORIES)):
        written = today - timedelta(days=20 - age * 3)
        story_id = story_store.create_story(session=session, draft=draft, now=written)
        for days_ago, seconds, rating in rehearsals:
            story_store.log_rehearsal(
                session=session,
                rehearsal=Rehearsal(
                    story_id, today - timedelta(days=days_ago, hours=2), seconds, rating
                ),
            )
