"""Event coding, one behaviour per row: who did what to whom, with which status.

Each row: published date, sentence, and the expected events as
(source code, CAMEO code, target code, status). An empty list means the
sentence must yield nothing.
"""

from __future__ import annotations

from datetime import date

import pytest

from detente.pipeline import Pipeline, article_from_text

pytestmark = pytest.mark.slow

CASES = [
    # active verb, title + nationality on both sides
    (
        "2024-04-26",
        "On Friday, the US Secretary of State met China's Foreign Minister in Beijing.",
        [("USAGOV", "040", "CHNGOV", "occurred")],
    ),
    # coordinated nationalities on one noun, reciprocal verb: one meeting, the visitor first
    (
        "2024-04-26",
        "Chinese and Australian trade ministers met in Sydney on Friday.",
        [("CHNGOV", "040", "AUSGOV", "occurred")],
    ),
    # PLOVER direction: the visitor is the source even when the host is the subject
    (
        "2023-06-19",
        "Chinese President Xi Jinping met US Secretary of State Antony Blinken in Beijing.",
        [("USAGOV", "040", "CHNGOV", "occurred")],
    ),
    # a meeting in a third country is CAMEO 044
    (
        "2022-11-14",
        "US President Joe Biden met Chinese President Xi Jinping in Bali on Monday.",
        [("USAGOV", "044", "CHNGOV", "occurred")],
    ),
    # coordinated objects: one event per destination
    (
        "2021-07-25",
        "The Pentagon chief is traveling to Singapore and Vietnam.",
        [("USAMIL", "042", "SGP", "occurred"), ("USAMIL", "042", "VNM", "occurred")],
    ),
    # passive with a by-agent
    (
        "2021-07-20",
        "Four Chinese nationals were charged by the US Justice Department on Monday.",
        [("USAJUD", "173", "CHNCVL", "occurred")],
    ),
    # nominal event with a possessor
    (
        "2021-07-24",
        "Beijing's sanctions against seven Americans took effect on Friday.",
        [("CHNGOV", "163", "USACVL", "occurred")],
    ),
    # planned meeting is 036 with status planned
    (
        "2021-07-25",
        "US Deputy Secretary of State Wendy Sherman is set to meet Wang Yi on Monday.",
        [("USAGOV", "036", "CHNGOV", "planned")],
    ),
    # hypothetical and negated
    (
        "2024-04-26",
        "Washington could impose sanctions on Chinese banks.",
        [("USAGOV", "163", "CHNBUS", "hypothetical")],
    ),
    (
        "2024-04-26",
        "Antony Blinken did not meet Xi Jinping on Thursday.",
        [("USAGOV", "040", "CHNGOV", "negated")],
    ),
    # a threat subsumes the act threatened
    (
        "2024-04-26",
        "Washington threatened to impose sanctions on Beijing.",
        [("USAGOV", "1312", "CHNGOV", "occurred")],
    ),
    # reported evaluation: the report is the event
    (
        "2021-07-25",
        "The White House said on Thursday that China was stonewalling the inquiry.",
        [("USAGOV", "111", "CHN", "occurred")],
    ),
    # object control: Putin is the one invited to visit
    (
        "2023-09-14",
        "Kim Jong Un invited Vladimir Putin to visit North Korea.",
        [("PRKGOV", "036", "RUSGOV", "occurred"), ("RUSGOV", "042", "PRK", "hypothetical")],
    ),
    # a hostile act someone threatens or stands ready to do is the threat (threats.yaml)
    (
        "2024-04-26",
        "Ankara threatened to recall its ambassador from Vienna over the vote.",
        [("TURGOV", "1313", "AUTGOV", "occurred")],
    ),
    (
        "2024-04-26",
        "The Pentagon said the United States is ready to take military action against Iran.",
        [("USA", "130", "IRN", "occurred")],
    ),
    # a plan is not a threat
    (
        "2024-04-26",
        "Russia is preparing to launch a new offensive against Ukraine.",
        [("RUS", "190", "UKR", "planned")],
    ),
    # reactions: the reactor acts on whoever is behind the provoking act (reactions.yaml)
    (
        "2024-04-26",
        "Canada's arrest of a Huawei executive drew angry protests from Beijing.",
        [("CAN", "173", "CHNBUS", "occurred"), ("CHNGOV", "114", "CAN", "occurred")],
    ),
    (
        "2021-07-25",
        "The visit follows a series of Biden administration actions, prompting Beijing to protest.",
        [("CHNGOV", "114", "USAGOV", "occurred")],
    ),
    ("2024-04-26", "The statement prompted protests from China.", []),
    # a grievance told to someone is a complaint to them; told to reporters, it is no event
    (
        "2024-04-26",
        "Lavrov told Blinken that NATO expansion was a hostile act.",
        [("RUSGOV", "114", "USAGOV", "occurred")],
    ),
    ("2024-04-26", "Lavrov told reporters that NATO expansion was a hostile act.", []),
    # pushing someone to act is a demand (CAMEO 10); "where" places it
    (
        "2024-04-26",
        "Blinken travelled to Jakarta, where he pushed China to respect the rules of navigation.",
        [("USAGOV", "042", "IDNGOV", "occurred"), ("USAGOV", "100", "CHN", "occurred")],
    ),
    # goods and property stand for who makes, ships or owns them; coordinated origins expand
    (
        "2019-05-10",
        "Washington raised tariffs on steel and aluminium imports from Canada and Mexico.",
        [("USAGOV", "163", "CAN", "occurred"), ("USAGOV", "163", "MEX", "occurred")],
    ),
    (
        "2023-10-18",
        "The Commerce Department imposed export controls on advanced chips bound for China.",
        [("USAGOV", "163", "CHN", "occurred")],
    ),
    (
        "2024-03-12",
        "Israeli tanks fired on positions held by UN peacekeepers in southern Lebanon.",
        [("ISRMIL", "190", "IGOUNO", "occurred")],
    ),
    # "countries, including A and B": the named ones act
    (
        "2018-03-27",
        "Several European countries, including France and Poland, expelled Russian diplomats.",
        [("FRA", "174", "RUSGOV", "occurred"), ("POL", "174", "RUSGOV", "occurred")],
    ),
    # the one with the plan acts; "no plans to meet" is a negated planned meeting
    (
        "2023-03-20",
        "The Kremlin said that Putin had no plans to meet Zelensky.",
        [("RUSGOV", "036", "UKRGOV", "negated")],
    ),
    (
        "2024-01-15",
        "Erdogan announced plans to visit Moscow next month.",
        [("TURGOV", "036", "RUSGOV", "planned")],
    ),
    # companions ("along with") act beside the subject; a named object is the other side
    (
        "2022-06-16",
        "German Chancellor Olaf Scholz, along with French President Emmanuel Macron and "
        "Italian Prime Minister Mario Draghi, visited Kyiv on Thursday.",
        [
            ("DEUGOV", "042", "UKRGOV", "occurred"),
            ("FRAGOV", "042", "UKRGOV", "occurred"),
            ("ITAGOV", "042", "UKRGOV", "occurred"),
        ],
    ),
    (
        "2021-07-25",
        "In Tokyo, Wendy Sherman along with her Japanese and South Korean counterparts "
        "discussed the situation in the Taiwan Strait.",
        [("USAGOV", "040", "JPNGOV", "occurred"), ("USAGOV", "044", "KORGOV", "occurred")],
    ),
    (
        "2023-04-06",
        "French President Emmanuel Macron, along with European Commission President Ursula "
        "von der Leyen, met Xi Jinping in Beijing on Thursday.",
        [("FRAGOV", "040", "CHNGOV", "occurred"), ("IGOEEC", "040", "CHNGOV", "occurred")],
    ),
    # a time adjunct keeps its own status: the visit "during" which a plan was agreed happened
    (
        "2023-11-04",
        "Tokyo and Manila agreed to deepen defence ties during Kishida's visit to Manila.",
        # agreeing to deepen ties is a stated intent keyed by the act (CAMEO 032)
        [("JPNGOV", "042", "PHLGOV", "occurred"), ("JPNGOV", "032", "PHLGOV", "occurred")],
    ),
    # killing a named person is an assassination (186), shooting one an attempt (185);
    # unnamed soldiers and a shot-down balloon keep the verb's code (persons.yaml)
    (
        "2024-09-27",
        "Israel killed Hezbollah leader Hassan Nasrallah in an air strike on Friday.",
        [("ISR", "186", "LBNREB", "occurred")],
    ),
    (
        "2024-05-15",
        "A Slovak gunman shot Prime Minister Robert Fico in the town of Handlova.",
        [("SVK", "185", "SVKGOV", "occurred")],
    ),
    (
        "2023-02-04",
        "A US fighter jet shot down a Chinese balloon off South Carolina.",
        [("USAMIL", "195", "CHN", "occurred")],
    ),
    # a passive's by-phrase hung low by the parser is still its agent
    (
        "2020-01-14",
        "Iran was threatened with the return of UN sanctions by Britain, France and Germany "
        "over its nuclear programme.",
        [
            ("GBR", "1312", "IRN", "occurred"),
            ("FRA", "1312", "IRN", "occurred"),
            ("DEU", "1312", "IRN", "occurred"),
        ],
    ),
    # "between A and B" with one slot: both are targets
    (
        "2022-03-10",
        "Turkey offered to mediate between Russia and Ukraine.",
        [("TUR", "039", "RUS", "occurred"), ("TUR", "039", "UKR", "occurred")],
    ),
    # a noun head with its required modifier: "military aid"
    (
        "2024-04-24",
        "Zelensky thanked Congress for the new US military aid to Ukraine.",
        [("UKRGOV", "051", "USALEG", "occurred"), ("USA", "072", "UKR", "occurred")],
    ),
    # an act named as a thing ("X's arrest of Y") stands for its author when it is acted on
    (
        "2018-12-06",
        "Beijing condemned Canada's arrest of a Huawei executive.",
        [("CHNGOV", "111", "CAN", "occurred"), ("CAN", "173", "CHNBUS", "occurred")],
    ),
    (
        "2023-02-05",
        "Beijing protested the US military's downing of a Chinese balloon.",
        [("CHNGOV", "114", "USAMIL", "occurred"), ("USAMIL", "195", "CHN", "occurred")],
    ),
    # unnamed fighters killed in a strike: no assassination
    (
        "2019-12-31",
        "American air strikes killed 25 Kataib Hezbollah fighters in Iraq.",
        [("USA", "190", "IRQREB", "occurred")],
    ),
    # a list of countries the parser read as an apposition is still a list
    (
        "2017-06-05",
        "Saudi Arabia, the United Arab Emirates, Bahrain and Egypt severed diplomatic "
        "relations with Qatar on Monday.",
        [
            ("SAU", "161", "QAT", "occurred"),
            ("ARE", "161", "QAT", "occurred"),
            ("BHR", "161", "QAT", "occurred"),
            ("EGY", "161", "QAT", "occurred"),
        ],
    ),
    # a group named by role, "including" named members; "thousands of" counts its of-phrase
    (
        "2023-06-16",
        "Several African leaders, including South Africa's Cyril Ramaphosa and Senegal's "
        "Macky Sall, visited Kyiv on Friday.",
        [("ZAFGOV", "042", "UKRGOV", "occurred"), ("SEN", "042", "UKRGOV", "occurred")],
    ),
    (
        "2024-03-04",
        "Thousands of South Korean and US troops began the Freedom Shield exercises on Monday.",
        [("KORMIL", "062", "USAMIL", "occurred")],
    ),
    # no pattern, one actor, topic-only: nothing
    ("2024-04-26", "China's economy grew by five percent last year.", []),
    ("2024-04-26", "Relations between China and the United States remain complex.", []),
    ("2024-04-26", "Tensions in the South China Sea rose again this spring.", []),
]


@pytest.mark.parametrize(("published", "text", "expected"), CASES)
def test_events_sentence_codes_as_an_analyst_would(pipeline: Pipeline, published, text, expected):
    result = next(pipeline.process([article_from_text(text, date.fromisoformat(published))]))
    got = [
        (e.source.actor.code, e.cameo, e.target.actor.code, e.status.value) for e in result.events
    ]
    assert sorted(got) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what is blamed is the hack; its authors are the target
        (
            "Britain blamed the hack on actors affiliated with the Chinese government.",
            [("GBR", "1125", "CHNGOV")],
        ),
        # an apposed second event is not one more destination of the first
        (
            "Relations suffered after Nancy Pelosi's tour to Taiwan and the United States' downing "
            "of a Chinese spy balloon.",
            [("USALEG", "042", "TWN"), ("USA", "195", "CHNSPY")],
        ),
    ],
)
def test_events_frames_that_once_went_wrong(pipeline: Pipeline, text: str, expected) -> None:
    result = next(pipeline.process([article_from_text(text, date(2024, 4, 26))]))
    got = [(e.source.actor.code, e.cameo, e.target.actor.code) for e in result.events]
    assert sorted(got) == sorted(expected)


def test_events_a_demand_made_where_it_happened(pipeline: Pipeline) -> None:
    text = "Blinken travelled to Jakarta, where he pushed China to respect the rules of navigation."
    result = next(pipeline.process([article_from_text(text, date(2024, 4, 26))]))
    (demand,) = [e for e in result.events if e.cameo == "100"]
    assert demand.location is not None and demand.location.name == "Jakarta"
    assert demand.rule == "push.v:subj-dobj"


def test_events_a_clause_describing_a_participant_does_not_place_the_event(
    pipeline: Pipeline,
) -> None:
    text = "Ukrainians living in Poland demonstrated outside the Russian embassy in Warsaw."
    (protest,) = next(pipeline.process([article_from_text(text, date(2022, 3, 1))])).events
    assert (protest.source.actor.code, protest.cameo, protest.target.actor.code) == (
        "UKRCVL",
        "141",
        "RUSGOV",
    )
    assert protest.location is not None and protest.location.name == "Warsaw"


def test_events_a_threat_says_so_in_its_rule(pipeline: Pipeline) -> None:
    text = "The Pentagon said the United States is ready to take military action against Iran."
    (threat,) = next(pipeline.process([article_from_text(text, date(2024, 4, 26))])).events
    assert threat.rule.endswith("+threat") and threat.status_cue is None


def test_events_since_a_date_does_not_date_the_event(pipeline: Pipeline) -> None:
    text = "Blinken is the first US secretary of state to visit China since 2018."
    (event,) = next(pipeline.process([article_from_text(text, date(2023, 6, 19))])).events
    assert (event.date, event.date_precision) == (date(2023, 6, 19), "published")


def test_events_anaphoric_date_follows_previous_event(pipeline: Pipeline) -> None:
    text = (
        "Chinese officials met US diplomats in Beijing on Tuesday. "
        "Japan protested to China later that day."
    )
    events = next(pipeline.process([article_from_text(text, date(2024, 4, 26))])).events
    assert [(e.date, e.date_precision) for e in events] == [(date(2024, 4, 23), "day")] * 2


def test_events_the_two_sides_are_the_last_two_countries_named(pipeline: Pipeline) -> None:
    text = (
        "Beijing accused Tokyo of provocations on Monday. The two sides met in Shanghai on Tuesday."
    )
    events = next(pipeline.process([article_from_text(text, date(2024, 4, 26))])).events
    meeting = [e for e in events if e.cameo_root == "04"]
    assert [(e.source.actor.code, e.target.actor.code) for e in meeting] == [("JPNGOV", "CHNGOV")]
    assert meeting[0].location.name == "Shanghai"  # the guest, Japan, is the source


def test_events_every_event_explains_itself(pipeline: Pipeline) -> None:
    text = "Moscow expelled two Estonian diplomats on Monday."
    (event,) = next(pipeline.process([article_from_text(text, date(2024, 4, 26))])).events
    assert event.rule.startswith("expel.v:")
    assert "{S}" in event.pattern and "expelled" in event.trigger
    assert 0 < event.confidence <= 1
