"""The route table: every path the sandbox answers, each wrapped by `Sandbox.endpoint`.

/v2/accounts/self, /v2/users/self
/v2/{lead|contact|deal}/custom_fields
/v2/{contacts|leads}/upsert
/v2/deals/{id}/associated_contacts[/{contact_id}]
/v2/orders/{id}/line_items[/{id}]
/v2/{resource}[/{id}]            every collection in resources.TOP_LEVEL
/v3/{resource}/stream            every Firehose stream
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from console.sandbox.zendesk_sell.envelope import collection, fail, single
from console.sandbox.zendesk_sell.resources import STREAMS, TOP_LEVEL, Resource

if TYPE_CHECKING:
    from console.sandbox.zendesk_sell.app import Sandbox


def _id(request: Request, name: str = "id") -> int:
    return int(request.path_params[name])


def _no_params(request: Request) -> None:
    for name in request.query_params:
        raise fail(
            400, "invalid_param", "Invalid query parameter.", f"unknown query parameter {name!r}"
        )


def _collection_routes(sb: Sandbox, res: Resource) -> list[BaseRoute]:
    crud = sb.crud
    base = f"/v2/{res.name}"
    routes: list[BaseRoute] = [
        Route(base, sb.endpoint(lambda rq, u: crud.list(res, rq)), methods=["GET"]),
        Route(
            f"{base}/{{id:int}}",
            sb.endpoint(lambda rq, u: crud.get(res, _id(rq), rq)),
            methods=["GET"],
        ),
    ]
    if res.writable:
        routes += [
            Route(
                base,
                sb.endpoint(lambda rq, u: crud.create(res, rq, u), write=True),
                methods=["POST"],
            ),
            Route(
                f"{base}/{{id:int}}",
                sb.endpoint(lambda rq, u: crud.update(res, _id(rq), rq, u), write=True),
                methods=["PUT"],
            ),
            Route(
                f"{base}/{{id:int}}",
                sb.endpoint(lambda rq, u: crud.delete(res, _id(rq), rq), write=True),
                methods=["DELETE"],
            ),
        ]
    return routes


def api_routes(sb: Sandbox) -> list[BaseRoute]:
    crud, nested = sb.crud, sb.nested

    def account(rq: Request, u: int) -> Response:
        _no_params(rq)
        record = sb.store.table("account").get(1) or {}
        return single("account", dict(record))

    def users_self(rq: Request, u: int) -> Response:
        _no_params(rq)
        return sb.users_self(rq, u)

    def custom_fields(kind: str) -> Any:
        def handler(rq: Request, u: int) -> Response:
            _no_params(rq)
            rows = [
                ({k: v for k, v in f.items() if not k.startswith("_")}, f.get("_v"))
                for f in sb.store.table("custom_fields")
                if f["resource_type"] == kind
            ]
            return collection("custom_field", rows)

        return sb.endpoint(handler)

    def upsert(res: Resource) -> Any:
        return sb.endpoint(lambda rq, u: crud.upsert(res, rq, u), write=True)

    def stream(name: str) -> Any:
        return sb.endpoint(lambda rq, u: sb.stream(rq, name))

    routes: list[BaseRoute] = [
        Route("/v2/accounts/self", sb.endpoint(account, profile=True), methods=["GET"]),
        Route("/v2/users/self", sb.endpoint(users_self, profile=True), methods=["GET"]),
        *[
            Route(f"/v2/{kind}/custom_fields", custom_fields(kind), methods=["GET"])
            for kind in ("lead", "contact", "deal")
        ],
        *[
            Route(f"/v2/{name}/upsert", upsert(TOP_LEVEL[name]), methods=["POST"])
            for name in ("contacts", "leads")
        ],
        Route(
            "/v2/deals/{deal_id:int}/associated_contacts",
            sb.endpoint(lambda rq, u: nested.list_contacts(_id(rq, "deal_id"), rq)),
            methods=["GET"],
        ),
        Route(
            "/v2/deals/{deal_id:int}/associated_contacts",
            sb.endpoint(lambda rq, u: nested.add_contact(_id(rq, "deal_id"), rq, u), write=True),
            methods=["POST"],
        ),
        Route(
            "/v2/deals/{deal_id:int}/associated_contacts/{contact_id:int}",
            sb.endpoint(
                lambda rq, u: nested.remove_contact(_id(rq, "deal_id"), _id(rq, "contact_id")),
                write=True,
            ),
            methods=["DELETE"],
        ),
        Route(
            "/v2/orders/{order_id:int}/line_items",
            sb.endpoint(lambda rq, u: nested.list_items(_id(rq, "order_id"), rq)),
            methods=["GET"],
        ),
        Route(
            "/v2/orders/{order_id:int}/line_items",
            sb.endpoint(lambda rq, u: nested.add_item(_id(rq, "order_id"), rq, u), write=True),
            methods=["POST"],
        ),
        Route(
            "/v2/orders/{order_id:int}/line_items/{id:int}",
            sb.endpoint(lambda rq, u: nested.get_item(_id(rq, "order_id"), _id(rq))),
            methods=["GET"],
        ),
        Route(
            "/v2/orders/{order_id:int}/line_items/{id:int}",
            sb.endpoint(lambda rq, u: nested.remove_item(_id(rq, "order_id"), _id(rq)), write=True),
            methods=["DELETE"],
        ),
    ]
    for res in TOP_LEVEL.values():
        routes += _collection_routes(sb, res)
    for name in STREAMS:
        routes.append(Route(f"/v3/{name}/stream", stream(name), methods=["GET"]))
    return routes
