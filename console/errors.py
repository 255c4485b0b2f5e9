"""Every error crm-console raises, for all five vendors, in one tree.

    ConsoleError                  anything the console reports to a person
    ├── InputError                 inputs failed validation before any request was sent
    │   └── ReadOnlyError          a mutating endpoint was refused by read-only mode
    ├── ConfigError                no profile, no credentials, unknown endpoint, bad setting
    ├── TransportError             no usable HTTP answer came back
    │   ├── ConnectError           the connection was never made (nothing was sent)
    │   ├── RequestTimeout         the vendor did not answer in time
    │   └── ConnectionDropped      the connection broke mid-exchange (the request may have landed)
    └── VendorError                the vendor answered with an error
        ├── BadRequestError        400: malformed query, unknown parameter, bad SOQL
        ├── AuthenticationError    401: missing, expired or wrong credentials
        ├── PermissionDeniedError  403: role, scope or org limit
        │   └── ApiLimitExceeded   403 REQUEST_LIMIT_EXCEEDED (Salesforce's daily API limit)
        ├── NotFoundError          404: no such record or endpoint
        ├── ConflictError          409: e.g. an upsert filter matched several records
        ├── GoneError              410: e.g. an expired Firehose position
        ├── UnprocessableError     422: the vendor rejected a field
        ├── RateLimitError         429: too many requests; `retry_after` says when to retry
        ├── ServerError            5xx: the vendor failed
        ├── MalformedResponse      2xx with a body that cannot be decoded
        └── ActionError            one input of a batched invocable action failed

Each class carries a short `title` a user interface can show as a heading. Vendor errors keep
what support agents need to quote to a vendor: vendor, HTTP status, vendor error code,
message, field and request id. No error message ever includes a credential.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar


class ConsoleError(Exception):
    """Base of every error the console reports."""

    title: ClassVar[str] = "Error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def to_dict(self) -> dict[str, Any]:
        return {"error": type(self).__name__, "title": self.title, "message": self.message}


@dataclass(frozen=True, slots=True)
class FieldProblem:
    """One field that failed validation: its dotted location and why."""

    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}" if self.field else self.message


class InputError(ConsoleError):
    """Inputs were refused before any request left the machine."""

    title = "Invalid input"

    def __init__(self, message: str, problems: Sequence[FieldProblem] = ()) -> None:
        super().__init__(message)
        self.problems = list(problems)

    @property
    def fields(self) -> list[str]:
        return [p.field for p in self.problems]

    def to_dict(self) -> dict[str, Any]:
        data = super().to_dict()
        data["problems"] = [{"field": p.field, "message": p.message} for p in self.problems]
        return data


class ReadOnlyError(InputError):
    title = "Read-only mode"


class ConfigError(ConsoleError):
    title = "Configuration problem"


class TransportError(ConsoleError):
    """No usable answer came back from the vendor."""

    title = "Network error"

    def __init__(self, message: str, *, vendor: str = "", url: str = "") -> None:
        super().__init__(message)
        self.vendor = vendor
        self.url = url

    def to_dict(self) -> dict[str, Any]:
        data = super().to_dict()
        data.update(vendor=self.vendor, url=self.url)
        return data


class ConnectError(TransportError):
    title = "Could not connect"


class RequestTimeout(TransportError):
    title = "Timed out"


class ConnectionDropped(TransportError):
    title = "Connection dropped"


class VendorError(ConsoleError):
    """The vendor answered with an error."""

    title = "Vendor error"

    def __init__(
        self,
        message: str,
        *,
        vendor: str,
        status: int | None = None,
        code: str | None = None,
        field: str | None = None,
        request_id: str | None = None,
        details: str | None = None,
        body: Any = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message)
        self.vendor = vendor
        self.status = status
        self.code = code
        self.field = field
        self.request_id = request_id
        self.details = details
        self.body = body
        self.retry_after = retry_after

    def __str__(self) -> str:
        parts = [f"{self.vendor}"]
        if self.status is not None:
            parts.append(str(self.status))
        if self.code:
            parts.append(self.code)
        head = " ".join(parts)
        text = f"{head}: {self.message}"
        if self.field:
            text += f" (field {self.field})"
        if self.request_id:
            text += f" [request id {self.request_id}]"
        return text

    def to_dict(self) -> dict[str, Any]:
        data = super().to_dict()
        data.update(
            vendor=self.vendor,
            status=self.status,
            code=self.code,
            field=self.field,
            request_id=self.request_id,
            details=self.details,
        )
        return data


class BadRequestError(VendorError):
    title = "Bad request"


class AuthenticationError(VendorError):
    title = "Not authenticated"


class PermissionDeniedError(VendorError):
    title = "Permission denied"


class ApiLimitExceeded(PermissionDeniedError):
    title = "API limit exceeded"


class NotFoundError(VendorError):
    title = "Not found"


class ConflictError(VendorError):
    title = "Conflict"


class GoneError(VendorError):
    title = "Gone"


class UnprocessableError(VendorError):
    title = "Rejected by vendor"


class RateLimitError(VendorError):
    title = "Rate limited"


class ServerError(VendorError):
    title = "Vendor server error"


class MalformedResponse(VendorError):
    title = "Malformed response"


class ActionError(VendorError):
    title = "Action failed"


_BY_STATUS: dict[int, type[VendorError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    410: GoneError,
    422: UnprocessableError,
    429: RateLimitError,
}


def error_class_for_status(status: int) -> type[VendorError]:
    """The most specific VendorError subclass for an HTTP status."""
    if status in _BY_STATUS:
        return _BY_STATUS[status]
    if status >= 500:
        return ServerError
    return VendorError
