"""What each vendor tab lists, shows and offers, as data (one module per vendor)."""

from __future__ import annotations

from functools import cache

from screens.specs.base import ListSpec, VendorSpec


@cache
def vendor_specs() -> tuple[VendorSpec, ...]:
    from screens.specs import infinity, salesforce, totango, zendesk_sell

    return (salesforce.VENDOR, zendesk_sell.VENDOR, infinity.VENDOR, totango.VENDOR)


def vendor_spec(vendor: str) -> VendorSpec:
    for spec in vendor_specs():
        if spec.vendor == vendor:
            return spec
    raise KeyError(vendor)


def list_spec(list_id: str) -> ListSpec:
    for vendor in vendor_specs():
        for spec in vendor.lists:
            if spec.id == list_id:
                return spec
    raise KeyError(list_id)


__all__ = ["ListSpec", "VendorSpec", "list_spec", "vendor_spec", "vendor_specs"]
