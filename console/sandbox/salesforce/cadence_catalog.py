"""The seeded org's sales cadences: name, state, type, description and steps (type, title,
day offset). Extra copies are numbered when the sandbox runs at a larger scale. Also what
their trackers are drawn from: states, errors, variant splits, dispositions, the fields."""

from __future__ import annotations

from typing import Any

CADENCES: list[tuple[str, str, str, str, list[tuple[str, str, int]]]] = [
    (
        "Inbound Lead Follow-up",
        "Active",
        "Standard",
        "Fast follow-up for leads from web forms and chat.",
        [
            ("SendAnEmail", "Thanks for reaching out", 0),
            ("MakeACall", "Discovery call", 0),
            ("Wait", "Give them two days", 2),
            ("SendAnEmail", "Resources follow-up", 2),
            ("MakeACall", "Second call attempt", 3),
            ("CreateTask", "Connect on LinkedIn", 4),
        ],
    ),
    (
        "Outbound Prospecting - Enterprise",
        "Active",
        "Standard",
        "Eight-touch outreach to enterprise buying committees.",
        [
            ("SendAnEmail", "Personalised opener", 0),
            ("CreateTask", "Research account news", 1),
            ("MakeACall", "Cold call", 2),
            ("SendAnEmail", "Case study email", 4),
            ("Wait", "Pause before bump", 6),
            ("MakeACall", "Follow-up call", 7),
            ("SendAnEmail", "Bump email", 9),
            ("SendAnEmail", "Break-up email", 14),
        ],
    ),
    (
        "Webinar Attendee Nurture",
        "Active",
        "Standard",
        "Turn webinar attendees into meetings.",
        [
            ("SendAnEmail", "Recording and slides", 0),
            ("Wait", "Let them watch", 2),
            ("MakeACall", "Questions call", 3),
            ("SendAnEmail", "Invite to demo", 5),
            ("CreateTask", "Check engagement", 7),
        ],
    ),
    (
        "Trial Conversion Sprint",
        "Active",
        "Quick",
        "Help trial users reach their first win before the trial ends.",
        [
            ("SendAnEmail", "Getting started tips", 0),
            ("MakeACall", "Onboarding check-in", 2),
            ("SendAnEmail", "Trial ending soon", 10),
            ("MakeACall", "Conversion call", 12),
        ],
    ),
    (
        "Event No-Show Recovery",
        "Active",
        "Quick",
        "Re-engage people who registered but did not attend.",
        [
            ("SendAnEmail", "Sorry we missed you", 0),
            ("MakeACall", "Quick catch-up call", 1),
            ("Wait", "Short wait", 3),
            ("SendAnEmail", "Next session invite", 4),
        ],
    ),
    (
        "Partner Referral Intro",
        "Active",
        "Standard",
        "Warm introductions from channel partners.",
        [
            ("SendAnEmail", "Partner intro", 0),
            ("MakeACall", "Intro call", 1),
            ("CreateTask", "Loop in partner manager", 2),
            ("SendAnEmail", "Proposal outline", 5),
            ("MakeACall", "Proposal review call", 7),
        ],
    ),
    (
        "Renewal Outreach FY27",
        "Draft",
        "Standard",
        "Renewal conversations 120 days before contract end.",
        [
            ("SendAnEmail", "Renewal heads-up", 0),
            ("MakeACall", "Usage review call", 3),
            ("SendAnEmail", "Renewal options", 7),
            ("Wait", "Decision window", 10),
            ("MakeACall", "Commercials call", 14),
            ("CreateTask", "Prepare renewal quote", 15),
        ],
    ),
    (
        "Legacy Cold Email Sequence",
        "Inactive",
        "Standard",
        "Retired: the old three-email sequence, kept for reporting.",
        [
            ("SendAnEmail", "Email one", 0),
            ("SendAnEmail", "Email two", 3),
            ("Wait", "Wait a week", 7),
            ("SendAnEmail", "Email three", 10),
            ("MakeACall", "Last call", 12),
            ("CreateTask", "Log outcome", 13),
            ("SendAnEmail", "Final note", 20),
        ],
    ),
]

STATE_WEIGHTS = (
    ("Running", 42),
    ("Paused", 12),
    ("Complete", 30),
    ("Error", 5),
    ("Initializing", 5),
    ("Processing", 6),
)
ERRORS = (
    "The email couldn't be sent because the target has opted out of email.",
    "The target's email address is missing or invalid.",
    "The assignee doesn't have permission to send email from cadences.",
)
SPLITS = ((100.0,), (100.0,), (50.0, 50.0), (70.0, 30.0), (50.0, 30.0, 20.0))

DISPOSITIONS = (
    "Success",
    "Customer Engaged",
    "Customer Connected",
    "Contact Later",
    "No Response",
    "No Response",
    "Not Interested",
    "Disqualified",
    "Bad Data",
    "Duplicate",
)
# A tracker's fields in the order `new` gives them; trackers start as copies of this.
TRACKER_FIELDS: dict[str, Any] = {
    "Id": None,
    "IsDeleted": False,
    "CreatedDate": None,
    "LastModifiedDate": None,
    "ActionCadenceId": None,
    "TargetId": None,
    "OwnerId": None,
    "State": None,
    "CompletionReason": None,
    "CompletionDisposition": None,
    "CurrentStepId": None,
    "LastCompletedStepId": None,
    "RelatedToId": None,
    "RelatedToAttributionType": None,
    "IsTrackerActive": None,
    "ScheduledResumeDateTime": None,
    "ErrorMessage": None,
}
