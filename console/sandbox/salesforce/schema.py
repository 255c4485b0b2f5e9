"""The sandbox org's objects: fields, types, relationships and key prefixes.

One table of data drives SOQL (which names exist, what a literal must look like, where a
relationship leads), `sobjects/` describe, and record URLs. Objects the public docs do not
describe fully (RecipientGroup, ActionCadenceStepVariant) are modelled minimally, with key
prefixes the sandbox chose.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from console.vendors.salesforce.ids import PREFIXES

STRING_TYPES = frozenset({"string", "picklist", "textarea", "email", "phone", "url"})
NUMBER_TYPES = frozenset({"int", "double", "currency", "percent"})
ID_TYPES = frozenset({"id", "reference"})
# A polymorphic relationship (Target) exposes only these fields, as Salesforce's Name object.
NAME_OBJECT_FIELDS = ("Id", "Name", "FirstName", "LastName", "Email", "Title", "Phone", "Type")


@dataclass(frozen=True, slots=True)
class FieldDef:
    name: str
    type: str
    label: str = ""
    reference_to: tuple[str, ...] = ()
    relationship: str | None = None
    picklist: tuple[str, ...] = ()
    nillable: bool = True

    @property
    def polymorphic(self) -> bool:
        return len(self.reference_to) > 1


@dataclass(frozen=True, slots=True)
class ObjectDef:
    name: str
    label: str
    plural: str
    prefix: str
    fields: dict[str, FieldDef] = field(default_factory=dict)

    def field(self, name: str) -> FieldDef | None:
        return _lower_index(self.name).get(name.lower())

    def relationship(self, name: str) -> FieldDef | None:
        return _relationship_index(self.name).get(name.lower())


def _f(name: str, type_: str, label: str = "", *, nillable: bool = True) -> FieldDef:
    return FieldDef(name, type_, label or _label(name), nillable=nillable)


def _ref(name: str, *targets: str, rel: str | None = None, label: str = "") -> FieldDef:
    relationship = rel or (name[:-2] if name.endswith("Id") else name)
    return FieldDef(name, "reference", label or _label(name), targets, relationship)


def _pick(name: str, *values: str) -> FieldDef:
    return FieldDef(name, "picklist", _label(name), picklist=values)


def _label(name: str) -> str:
    out = []
    for i, c in enumerate(name):
        if c.isupper() and i and not name[i - 1].isupper():
            out.append(" ")
        out.append(c)
    return "".join(out).replace(" Id", " ID")


def _common() -> list[FieldDef]:
    return [
        _f("Id", "id", "Record ID", nillable=False),
        _f("IsDeleted", "boolean", nillable=False),
        _f("CreatedDate", "datetime", nillable=False),
        _f("LastModifiedDate", "datetime", nillable=False),
    ]


def _object(name: str, label: str, plural: str, prefix: str, *defs: FieldDef) -> ObjectDef:
    fields = {f.name: f for f in [*_common(), *defs]}
    return ObjectDef(name, label, plural, prefix, fields)


TRACKER_STATES = ("Running", "Paused", "Complete", "Error", "Initializing", "Processing")
STEP_STATES = (
    "Active",
    "Cancelled",
    "Completed",
    "Error",
    "InProgress",
    "Paused",
    "Queued",
    "Scheduled",
)
STEP_TYPES = ("SendAnEmail", "MakeACall", "CreateTask", "Wait", "Branch")
COMPLETION_REASONS = (
    "AutomaticallyExited",
    "DaisyChained",
    "LeadConverted",
    "ManuallyRemoved",
    "NoMoreSteps",
)
DISPOSITIONS = (
    "Success",
    "Customer Engaged",
    "Customer Connected",
    "Contact Later",
    "No Response",
    "Not Interested",
    "Disqualified",
    "Bad Data",
    "Duplicate",
)
TARGETS = ("Contact", "Lead", "Account")

OBJECTS: dict[str, ObjectDef] = {
    o.name: o
    for o in (
        _object(
            "Organization",
            "Organization",
            "Organizations",
            PREFIXES["Organization"],
            _f("Name", "string"),
            _f("IsSandbox", "boolean"),
            _pick("OrganizationType", "Enterprise Edition", "Developer Edition"),
            _f("InstanceName", "string"),
        ),
        _object(
            "User",
            "User",
            "Users",
            PREFIXES["User"],
            _f("Username", "string"),
            _f("Name", "string", "Full Name"),
            _f("FirstName", "string"),
            _f("LastName", "string"),
            _f("Email", "email"),
            _f("Title", "string"),
            _f("Department", "string"),
            _f("IsActive", "boolean"),
            _pick("UserType", "Standard"),
            _f("TimeZoneSidKey", "picklist"),
        ),
        _object(
            "Account",
            "Account",
            "Accounts",
            PREFIXES["Account"],
            _f("Name", "string", "Account Name"),
            _pick("Type", "Customer", "Prospect", "Partner"),
            _f("Industry", "picklist"),
            _f("Website", "url"),
            _f("Phone", "phone"),
            _f("BillingCity", "string"),
            _f("BillingState", "string"),
            _f("BillingCountry", "string"),
            _f("IsPersonAccount", "boolean"),
            _f("FirstName", "string"),
            _f("LastName", "string"),
            _f("PersonEmail", "email"),
            _ref("OwnerId", "User"),
        ),
        _object(
            "Contact",
            "Contact",
            "Contacts",
            PREFIXES["Contact"],
            _f("FirstName", "string"),
            _f("LastName", "string"),
            _f("Name", "string", "Full Name"),
            _f("Email", "email"),
            _f("Phone", "phone"),
            _f("Title", "string"),
            _ref("AccountId", "Account"),
            _ref("OwnerId", "User"),
            _f("MailingCity", "string"),
            _f("MailingState", "string"),
            _f("MailingCountry", "string"),
            _f("LeadSource", "picklist"),
        ),
        _object(
            "Lead",
            "Lead",
            "Leads",
            PREFIXES["Lead"],
            _f("FirstName", "string"),
            _f("LastName", "string"),
            _f("Name", "string", "Full Name"),
            _f("Company", "string"),
            _f("Email", "email"),
            _f("Phone", "phone"),
            _f("Title", "string"),
            _pick(
                "Status",
                "Open - Not Contacted",
                "Working - Contacted",
                "Closed - Converted",
                "Closed - Not Converted",
            ),
            _f("LeadSource", "picklist"),
            _f("Industry", "picklist"),
            _f("City", "string"),
            _f("State", "string"),
            _f("Country", "string"),
            _f("IsConverted", "boolean"),
            _ref("OwnerId", "User"),
        ),
        _object(
            "Opportunity",
            "Opportunity",
            "Opportunities",
            PREFIXES["Opportunity"],
            _f("Name", "string"),
            _ref("AccountId", "Account"),
            _pick(
                "StageName",
                "Prospecting",
                "Qualification",
                "Needs Analysis",
                "Proposal/Price Quote",
                "Negotiation/Review",
                "Closed Won",
                "Closed Lost",
            ),
            _f("Amount", "currency"),
            _f("CloseDate", "date"),
            _f("Probability", "percent"),
            _f("IsClosed", "boolean"),
            _f("IsWon", "boolean"),
            _ref("OwnerId", "User"),
        ),
        _object(
            "EmailTemplate",
            "Email Template",
            "Email Templates",
            PREFIXES["EmailTemplate"],
            _f("Name", "string"),
            _f("DeveloperName", "string"),
            _f("Subject", "string"),
            _pick("TemplateType", "text", "html", "custom"),
            _f("FolderName", "string"),
            _f("IsActive", "boolean"),
            _f("Description", "textarea"),
        ),
        _object(
            "ActionCadence",
            "Cadence",
            "Cadences",
            PREFIXES["ActionCadence"],
            _f("Name", "string"),
            _pick("State", "Active", "Draft", "Inactive", "Error", "Deleting"),
            _pick("Type", "Standard", "Quick"),
            _ref("OwnerId", "User"),
            _f("Description", "textarea"),
            _f("ActiveTargets", "int"),
            _f("TotalSteps", "int"),
            _f("TotalTargets", "int"),
            _f("ActivatedDate", "datetime"),
        ),
        _object(
            "ActionCadenceStep",
            "Cadence Step",
            "Cadence Steps",
            "77D",
            _ref("ActionCadenceId", "ActionCadence"),
            _f("StepTitle", "string"),
            _pick("Type", *STEP_TYPES),
            _f("StepName", "string"),
            _f("ParentStepName", "string"),
            _f("DayOffset", "int"),
            _f("IsOrphan", "boolean"),
        ),
        _object(
            "ActionCadenceStepVariant",
            "Cadence Step Variant",
            "Cadence Step Variants",
            "0Vc",
            _ref("ActionCadenceStepId", "ActionCadenceStep"),
            _ref("TemplateId", "EmailTemplate"),
            _f("SplitPercentage", "percent"),
            _pick("VariantStatus", "Active", "Inactive"),
            _f("Name", "string"),
        ),
        _object(
            "ActionCadenceTracker",
            "Cadence Tracker",
            "Cadence Trackers",
            PREFIXES["ActionCadenceTracker"],
            _ref("ActionCadenceId", "ActionCadence"),
            _ref("TargetId", *TARGETS, rel="Target"),
            _ref("OwnerId", "User"),
            _pick("State", *TRACKER_STATES),
            _pick("CompletionReason", *COMPLETION_REASONS),
            _pick("CompletionDisposition", *DISPOSITIONS),
            _ref("CurrentStepId", "ActionCadenceStepTracker"),
            _ref("LastCompletedStepId", "ActionCadenceStepTracker"),
            _ref("RelatedToId", "Opportunity"),
            _pick("RelatedToAttributionType", "Activation", "Maturation", "Collected"),
            _f("IsTrackerActive", "boolean"),
            _f("ScheduledResumeDateTime", "datetime"),
            _f("ErrorMessage", "string"),
        ),
        _object(
            "ActionCadenceStepTracker",
            "Cadence Step Tracker",
            "Cadence Step Trackers",
            PREFIXES["ActionCadenceStepTracker"],
            _ref("ActionCadenceTrackerId", "ActionCadenceTracker"),
            _ref("ActionCadenceId", "ActionCadence"),
            _f("ActionCadenceName", "string"),
            _ref("ActionCadenceStepId", "ActionCadenceStep"),
            _f("StepTitle", "string"),
            _pick("StepType", *STEP_TYPES),
            _ref("TargetId", *TARGETS, rel="Target"),
            _pick("State", *STEP_STATES),
            _pick("CompletionReason", "Completed", "ManuallyCompleted", "Skipped", "Cancelled"),
            _f("DueDateTime", "datetime"),
            _f("CompletionDate", "datetime"),
        ),
        _object(
            "Quote",
            "Quote",
            "Quotes",
            PREFIXES["Quote"],
            _f("Name", "string"),
            _pick("Status", "Draft", "Needs Review", "Approved", "Presented", "Accepted"),
            _ref("OpportunityId", "Opportunity"),
            _ref("AccountId", "Account"),
        ),
        _object(
            "QuoteLineItem",
            "Quote Line Item",
            "Quote Line Items",
            PREFIXES["QuoteLineItem"],
            _ref("QuoteId", "Quote"),
            _f("LineNumber", "string"),
            _f("Description", "textarea"),
            _f("Quantity", "double"),
            _f("UnitPrice", "currency"),
            _f("TotalPrice", "currency"),
            _ref("RecipientGroupId", "RecipientGroup"),
            _ref("RecipientId", "Contact", rel="Recipient"),
            _ref("ParentQuoteLineItemId", "QuoteLineItem"),
        ),
        _object(
            "RecipientGroup",
            "Recipient Group",
            "Recipient Groups",
            "1RG",
            _f("Name", "string"),
            _ref("QuoteLineItemId", "QuoteLineItem"),
            _f("RecipientCount", "int"),
            _f("Recipients", "textarea"),
        ),
    )
}

_BY_PREFIX = {o.prefix: o.name for o in OBJECTS.values()}
_BY_LOWER = {name.lower(): name for name in OBJECTS}


def object_named(name: str) -> ObjectDef | None:
    """An object by its name in any letter case."""
    canonical = _BY_LOWER.get(name.lower())
    return OBJECTS[canonical] if canonical else None


def object_for_id(record_id: str) -> str | None:
    return _BY_PREFIX.get(record_id[:3])


def prefix(sobject: str) -> str:
    return OBJECTS[sobject].prefix


@cache
def _lower_index(sobject: str) -> dict[str, FieldDef]:
    return {name.lower(): f for name, f in OBJECTS[sobject].fields.items()}


@cache
def _relationship_index(sobject: str) -> dict[str, FieldDef]:
    return {f.relationship.lower(): f for f in OBJECTS[sobject].fields.values() if f.relationship}
