"""Every URL pattern and API route of the project, enumerated from the resolver, so that
a page added later is walked by the scoping test without anyone listing it."""

from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver


@dataclass(frozen=True)
class Route:
    name: str  # namespaced, for reverse()
    params: tuple[str, ...]
    callback: object

    @property
    def record_model(self):
        """The model a parameterised route shows: @record_view's, or a DRF viewset's."""
        model = getattr(self.callback, "record_model", None)
        viewset = getattr(self.callback, "cls", None)
        if model is None and viewset is not None and getattr(viewset, "queryset", None) is not None:
            model = viewset.queryset.model
        return model

    @property
    def record_action(self) -> str:
        """The action @record_view looks the record up for (an API route only views)."""
        return getattr(self.callback, "record_action", "view")


def all_routes() -> list[Route]:
    routes: list[Route] = []

    def walk(patterns, namespaces):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                walk(
                    entry.url_patterns, namespaces + ([entry.namespace] if entry.namespace else [])
                )
            elif isinstance(entry, URLPattern):
                params = tuple(entry.pattern.regex.groupindex)
                name = ":".join([*namespaces, entry.name]) if entry.name else None
                routes.append(Route(name=name, params=params, callback=entry.callback))

    walk(get_resolver().url_patterns, [])
    return routes
