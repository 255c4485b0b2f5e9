from console.catalog.endpoint import Endpoint

ENDPOINTS: list[Endpoint] = []
