"""The REST resources around the data: versions, the resource directory, org limits, and
`sobjects` (global describe, object describe, one record by id)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from console.sandbox.salesforce.org import Org
from console.sandbox.salesforce.schema import OBJECTS, FieldDef, ObjectDef, object_named
from console.sandbox.salesforce.soql.engine import attributes
from console.sandbox.salesforce.wire import Ctx, not_found, release_label, sf_error, versions
from console.vendors.salesforce.ids import is_valid

_SOAP = {
    "id": "tns:ID",
    "reference": "tns:ID",
    "boolean": "xsd:boolean",
    "int": "xsd:int",
    "double": "xsd:double",
    "currency": "xsd:double",
    "percent": "xsd:double",
    "datetime": "xsd:dateTime",
    "date": "xsd:date",
}


def version_list(request: Request) -> Response:
    return JSONResponse(
        [
            {"label": release_label(v), "url": f"/services/data/v{v}", "version": v}
            for v in versions()
        ]
    )


class RestApi:
    def __init__(self, org: Org, usage: Callable[[], tuple[int, int]]) -> None:
        self.org = org
        self.usage = usage

    async def resources(self, ctx: Ctx, request: Request) -> Response:
        base = f"/services/data/v{ctx.version}"
        names = ("sobjects", "query", "queryAll", "limits", "actions", "connect")
        return JSONResponse({name: f"{base}/{name}" for name in names})

    async def limits(self, ctx: Ctx, request: Request) -> Response:
        used, most = self.usage()
        return JSONResponse(
            {
                "DailyApiRequests": {"Max": most, "Remaining": max(0, most - used)},
                "DailyAsyncApexExecutions": {"Max": 250000, "Remaining": 250000},
                "DailyBulkApiBatches": {"Max": 15000, "Remaining": 15000},
                "DataStorageMB": {"Max": 1024, "Remaining": 1003},
                "FileStorageMB": {"Max": 2048, "Remaining": 2040},
                "SingleEmail": {"Max": 5000, "Remaining": 5000},
            }
        )

    async def actions_root(self, ctx: Ctx, request: Request) -> Response:
        base = f"/services/data/v{ctx.version}/actions"
        return JSONResponse({"standard": f"{base}/standard", "custom": f"{base}/custom"})

    # -- sobjects ----------------------------------------------------------------------------

    async def global_describe(self, ctx: Ctx, request: Request) -> Response:
        return JSONResponse(
            {
                "encoding": "UTF-8",
                "maxBatchSize": 200,
                "sobjects": [_summary(o, ctx) for o in OBJECTS.values()],
            }
        )

    async def object_info(self, ctx: Ctx, request: Request, sobject: str) -> Response:
        obj = object_named(sobject)
        if obj is None:
            return not_found()
        return JSONResponse({"objectDescribe": _summary(obj, ctx), "recentItems": []})

    async def describe(self, ctx: Ctx, request: Request, sobject: str) -> Response:
        obj = object_named(sobject)
        if obj is None:
            return not_found()
        body = _summary(obj, ctx)
        body["fields"] = [_field(f) for f in obj.fields.values()]
        body["childRelationships"] = []
        return JSONResponse(body)

    async def record(self, ctx: Ctx, request: Request, sobject: str, record_id: str) -> Response:
        obj = object_named(sobject)
        if obj is None:
            return not_found()
        if not is_valid(record_id):
            return sf_error(
                404,
                "NOT_FOUND",
                f"Provided external ID field does not exist or is not accessible: {record_id}",
            )
        record = self.org.get(obj.name, record_id)
        if record is None:
            return not_found()
        wanted = request.query_params.get("fields")
        names = list(obj.fields)
        if wanted:
            names = []
            for name in (n.strip() for n in wanted.split(",") if n.strip()):
                found = obj.field(name)
                if found is None:
                    return sf_error(
                        400,
                        "INVALID_FIELD",
                        f"No such column '{name}' on sobject of type {obj.name}",
                    )
                names.append(found.name)
        out: dict[str, Any] = {"attributes": attributes(obj.name, record, ctx.version)}
        out.update({name: record.get(name) for name in names})
        return JSONResponse(out)


def _summary(obj: ObjectDef, ctx: Ctx) -> dict[str, Any]:
    base = f"/services/data/v{ctx.version}/sobjects/{obj.name}"
    return {
        "name": obj.name,
        "label": obj.label,
        "labelPlural": obj.plural,
        "keyPrefix": obj.prefix,
        "custom": False,
        "queryable": True,
        "retrieveable": True,
        "searchable": True,
        "createable": False,
        "updateable": False,
        "deletable": False,
        "urls": {"sobject": base, "describe": f"{base}/describe", "rowTemplate": f"{base}/{{ID}}"},
    }


def _field(f: FieldDef) -> dict[str, Any]:
    text = f.type in ("string", "textarea", "email", "phone", "url", "picklist")
    return {
        "name": f.name,
        "label": f.label,
        "type": f.type,
        "nillable": f.nillable,
        "length": (32768 if f.type == "textarea" else 255) if text else 0,
        "soapType": _SOAP.get(f.type, "xsd:string"),
        "referenceTo": list(f.reference_to),
        "relationshipName": f.relationship,
        "polymorphicForeignKey": f.polymorphic,
        "picklistValues": [
            {"active": True, "defaultValue": False, "label": v, "validFor": None, "value": v}
            for v in f.picklist
        ],
        "filterable": True,
        "sortable": f.type != "textarea",
        "groupable": f.type != "textarea",
        "createable": False,
        "updateable": False,
    }
