"""Every endpoint declared once, as data."""

from console.catalog.endpoint import (
    VENDOR_TITLES,
    VENDORS,
    Endpoint,
    InputField,
    Kind,
    Location,
    body_param,
    location_of,
    param,
    path_param,
    query_param,
)
from console.catalog.registry import all_endpoints, get

__all__ = [
    "VENDORS",
    "VENDOR_TITLES",
    "Endpoint",
    "InputField",
    "Kind",
    "Location",
    "all_endpoints",
    "body_param",
    "get",
    "location_of",
    "param",
    "path_param",
    "query_param",
]
