"""The incoming side of the Bot Framework wire: JSON to botbuilder's models, and the conversation reference.

bot/transport.py's ActivitySerializer builds the JSON of outgoing activities without msrest walking every
value; this module is its mirror for what comes in, with the same rule: the result is exactly msrest's, and
anything the fast path does not know is left to msrest.

- `activity_from_json(body)` is `Activity().deserialize(body)` (msrest's Deserializer: about 90 µs of CPU
  for a Teams message, against about 10 µs here): the same Activity, field by field, nested models,
  `additional_properties`, datetimes and all.
- `conversation_reference_json(activity)` is `TurnContext.get_conversation_reference(activity).serialize()`
  (about 65 µs with msrest's Serializer, against a few µs here): the same dict, key for key, in the same
  order, which bot/teams.py stores for proactive posts on every message.
"""

from __future__ import annotations

import datetime
import re
from enum import Enum
from types import SimpleNamespace
from typing import Any

from botbuilder.core import TurnContext
from botbuilder.schema import Activity, ActivityTypes, ConversationReference
from botframework.connector import Channels
from msrest.serialization import Deserializer, Model


class _Unusual(Exception):
    """Something the fast paths here do not mirror: msrest does the whole job instead."""


_UNUSUAL = _Unusual()

# The exact types JSON decodes to (json.loads makes nothing else, and no subclass of these).
_JSON_SCALARS = frozenset({str, int, float, bool, type(None)})

# How a field is read (ActivityDeserializer) or written (conversation_reference_json), from its msrest type.
(
    _STR,
    _BOOL,
    _INT,
    _FLOAT,
    _OBJECT,
    _ISO,
    _STR_LIST,
    _OBJECT_DICT,
    _MODEL,
    _MODEL_LIST,
    _MODEL_DICT,
    _OTHER,
) = range(12)
_BASIC_KINDS = {
    "str": _STR,
    "bool": _BOOL,
    "int": _INT,
    "float": _FLOAT,
    "object": _OBJECT,
    "iso-8601": _ISO,
    "[str]": _STR_LIST,
    "{object}": _OBJECT_DICT,
}
_MODEL_KINDS = {"": _MODEL, "[": _MODEL_LIST, "{": _MODEL_DICT}


def _kind(data_type: Any, models: dict[str, Any]) -> tuple[int, type | None]:
    """The kind of a field of msrest type `data_type`, and its model class for model kinds.

    msrest tries, in order: str/int/bool/float, its own named types ('iso-8601', 'object', 'duration', ...),
    '[...]' and '{...}' of any of these, then the models it was given (an enum there is its deserialize_enum).
    Whatever is not listed here, or names no model of `models`, is _OTHER: a value there goes to msrest.
    """
    if not isinstance(data_type, str) or not data_type:
        return _OTHER, None
    basic = _BASIC_KINDS.get(data_type)
    if basic is not None:
        return basic, None
    wrapper, name = "", data_type
    if len(data_type) > 2 and data_type[0] + data_type[-1] in ("[]", "{}"):
        wrapper, name = data_type[0], data_type[1:-1]
    if name in Deserializer.basic_types.values() or name in Deserializer().deserialize_type:
        return _OTHER, None
    model = models.get(name)
    if not (isinstance(model, type) and issubclass(model, Model) and not issubclass(model, Enum)):
        return _OTHER, None
    return _MODEL_KINDS[wrapper], model


def _simple_model(cls: type) -> bool:
    """Whether msrest reads and writes `cls` by its attribute map alone: no validation rules (read-only and
    constant fields are handled apart), no subtypes, no XML, no flattened ("a.b"), escaped or empty keys
    (the latter is enable_additional_properties_sending), no two fields with one key."""
    if not (isinstance(cls, type) and issubclass(cls, Model)):
        return False
    attribute_map = cls._attribute_map
    if getattr(cls, "_validation", None) or cls.__dict__.get("_subtype_map") or cls.is_xml_model():
        return False
    keys = [description.get("key") for description in attribute_map.values()]
    if "additional_properties" in attribute_map or len(set(keys)) != len(keys):
        return False
    return all(isinstance(key, str) and key and "." not in key and "\\" not in key for key in keys)


def _copy_json(value: Any) -> Any:
    """msrest's deserialize_object for decoded JSON: new dicts and lists, the same scalars (its str(), int(),
    float() and bool() of a value of exactly that type give the value itself)."""
    kind = type(value)
    if kind is dict:
        copied = {}
        for key, item in value.items():
            if type(key) is not str:  # never from JSON; msrest's serializer would str() it
                raise _UNUSUAL
            item_kind = type(item)
            if item_kind is dict or item_kind is list:
                item = _copy_json(item)
            elif item_kind not in _JSON_SCALARS:
                raise _UNUSUAL
            copied[key] = item
        return copied
    if kind is list:
        items = []
        for item in value:
            item_kind = type(item)
            if item_kind is dict or item_kind is list:
                item = _copy_json(item)
            elif item_kind not in _JSON_SCALARS:
                raise _UNUSUAL
            items.append(item)
        return items
    if kind in _JSON_SCALARS:
        return value
    raise _UNUSUAL


# What Teams sends: 2026-11-22T10:00:00.000Z, 2026-11-22T11:00:00.000+01:00. msrest cuts decimals past the
# sixth (a string replace of the digits, which can only match the fraction here), isodate then floors to
# microseconds: both amount to the first six digits.
_ISO_DATETIME = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]+))?"
    r"(Z|[+-][0-9]{2}:[0-9]{2})?"
)
# The tzinfo isodate makes for each zone suffix (its UTC for Z, a FixedOffset named after the suffix
# otherwise, None without one), taken from msrest's own result the first time a suffix is seen.
_ZONES: dict[str | None, datetime.tzinfo | None] = {None: None}
MAX_ZONES = 512


def _datetime(text: str) -> datetime.datetime:
    """msrest's deserialize_iso (isodate's parse_datetime) for the usual form of a timestamp."""
    match = _ISO_DATETIME.fullmatch(text)
    if match is None:
        raise _UNUSUAL
    year, month, day, hour, minute, second, fraction, zone = match.groups()
    if zone in _ZONES:
        tzinfo = _ZONES[zone]
    else:
        # Raises msrest's own error for a zone isodate refuses or that is not less than a day.
        tzinfo = Deserializer.deserialize_iso(text).tzinfo
        if len(_ZONES) < MAX_ZONES:
            _ZONES[zone] = tzinfo
    number = int(year)
    if not 1 < number < 9999:  # msrest refuses a time whose UTC year is outside 1..9999
        raise _UNUSUAL
    return datetime.datetime(
        number,
        int(month),
        int(day),
        int(hour),
        int(minute),
        int(second),
        int(fraction[:6].ljust(6, "0")) if fraction else 0,
        tzinfo,
    )


class ActivityDeserializer:
    """msrest's `Activity().deserialize(body)` for a decoded JSON body, building the models directly.

    msrest's Deserializer, for every field of every model, copies the field's description, runs its key
    extractors, dispatches on the type name and calls the model's constructor with every field as a keyword;
    timestamps go through isodate's regular expressions and Decimal. For JSON, each of those steps is known
    to give what is built here from a field table per model class (its `_attribute_map`, read once):

    - a model is made from a JSON object, every field None unless its key (the attribute map's, exactly) is
      there; the object's other keys go to `additional_properties`, their values as they are (msrest does
      not copy them either); a model's attributes are set in the order its constructor sets them, which is
      checked once per class (`_layout`): the constructor must store exactly what it is given;
    - `str` fields take a str, `bool`, `int`, `float` fields exactly that type (msrest would convert others:
      str(5), bool("true")); `iso-8601` fields the usual timestamp form (`_datetime`);
    - `object` fields (channelData, value, card content) take JSON, copied as msrest's deserialize_object
      copies it: new dicts and lists holding the same keys and scalars;
    - model fields a JSON object, lists and dicts of models a list or dict of objects (or nulls).

    Anything else (a number in a str field, a string where a model belongs, an unknown type name, an enum
    field, a model class with validation rules or flattened keys, a body that is not a dict, an odd
    timestamp) makes the fast path give up, and msrest deserializes the whole body as before: it then
    gives the same result or raises its own error.
    """

    def __init__(self, models: dict[str, Any] | None = None) -> None:
        # The models msrest looks types up in: everything in botbuilder.schema, as Activity.deserialize has.
        self.models = dict(models) if models is not None else Activity._infer_class_models()
        # Per model class: (its attribute map and length when read, the new object's attributes with their
        # defaults in the constructor's order, and per JSON key (attribute, kind, model class)), or with
        # None for a class the fast path does not build.
        self._tables: dict[type, tuple[dict[str, Any], int, dict[str, Any] | None, dict[str, Any]]] = {}

    def activity(self, body: Any) -> Activity:
        """`Activity().deserialize(body)`: the same Activity, or msrest's own error."""
        built = self.fast(body)
        if built is None:
            return Activity.deserialize(body)
        return built

    def fast(self, body: Any) -> Activity | None:
        """The Activity msrest would build from `body`, or None where this leaves it to msrest."""
        target = self.models.get("Activity")
        if type(body) is not dict or not isinstance(target, type):
            return None
        try:
            return self._model(target, body)  # type: ignore[no-any-return]
        except Exception:  # noqa: BLE001 - _Unusual, or anything msrest may refuse: msrest decides
            return None

    def _model(self, cls: type, data: dict[str, Any]) -> Any:
        attribute_map = cls._attribute_map  # type: ignore[attr-defined]
        table = self._tables.get(cls)
        if table is None or table[0] is not attribute_map or table[1] != len(attribute_map):
            table = self._tables[cls] = (attribute_map, len(attribute_map), *self._table(cls))
        template, fields = table[2], table[3]
        if template is None:
            raise _UNUSUAL
        values = template.copy()
        extra = {}
        for key, value in data.items():
            field = fields.get(key)
            if field is None:
                extra[key] = value
                continue
            if value is None:
                continue
            attr, kind, model = field
            value_type = type(value)
            if kind == _STR:
                if value_type is not str:
                    raise _UNUSUAL
            elif kind == _MODEL:
                if value_type is not dict:
                    raise _UNUSUAL
                value = self._model(model, value)
            elif kind == _OBJECT:
                if value_type is dict or value_type is list:
                    value = _copy_json(value)
                elif value_type not in _JSON_SCALARS:
                    raise _UNUSUAL
            elif kind == _MODEL_LIST:
                if value_type is not list:
                    raise _UNUSUAL
                value = [self._item(model, item) for item in value]
            elif kind == _ISO:
                if value_type is not str:
                    raise _UNUSUAL
                value = _datetime(value)
            elif kind == _BOOL:
                if value_type is not bool:
                    raise _UNUSUAL
            elif kind == _INT:
                if value_type is not int:
                    raise _UNUSUAL
            elif kind == _FLOAT:
                if value_type is not float:
                    raise _UNUSUAL
            elif kind == _STR_LIST:
                if value_type is not list or not all(item is None or type(item) is str for item in value):
                    raise _UNUSUAL
                value = list(value)
            elif kind == _OBJECT_DICT:
                if value_type is not dict:
                    raise _UNUSUAL
                value = _copy_json(value)
            elif kind == _MODEL_DICT:
                if value_type is not dict:
                    raise _UNUSUAL
                value = {name: self._item(model, item) for name, item in value.items()}
            else:
                raise _UNUSUAL
            values[attr] = value
        values["additional_properties"] = extra
        built: Any = object.__new__(cls)
        built.__dict__ = values
        return built

    def _item(self, model: type, item: Any) -> Any:
        if item is None:
            return None
        if type(item) is not dict:
            raise _UNUSUAL
        return self._model(model, item)

    def _table(self, cls: type) -> tuple[dict[str, Any] | None, dict[str, Any]]:
        template = _layout(cls) if _simple_model(cls) else None
        if template is None:
            return None, {}
        fields = {}
        for attr, description in cls._attribute_map.items():  # type: ignore[attr-defined]
            kind, model = _kind(description.get("type"), self.models)
            fields[description["key"]] = (attr, kind, model)
        return template, fields


def _layout(cls: type) -> dict[str, Any] | None:
    """A new object's attributes, all None, in the order `cls(**fields)` sets them (what msrest's
    _instantiate_model calls); None if the constructor does more than store what it is given, every field
    and `additional_properties` ({}, set first by msrest's Model.__init__), or the class makes its objects
    some other way."""
    attrs = list(cls._attribute_map)  # type: ignore[attr-defined]
    if cls.__new__ is not object.__new__ or type(cls).__call__ is not type.__call__:
        return None
    markers = {attr: object() for attr in attrs}
    try:
        marked = cls(**markers)
        empty = cls(**dict.fromkeys(attrs))
    except Exception:  # noqa: BLE001 - a constructor that refuses its own fields: not built here
        return None
    order = list(getattr(marked, "__dict__", {}))
    expected = {"additional_properties", *attrs}
    if len(order) != len(expected) or set(order) != expected or list(vars(empty)) != order:
        return None
    if any(vars(marked)[attr] is not marker for attr, marker in markers.items()):
        return None
    if any(value is not None for attr, value in vars(empty).items() if attr != "additional_properties"):
        return None
    if any(
        type(state) is not dict or state
        for state in (marked.additional_properties, empty.additional_properties)
    ):
        return None
    return dict.fromkeys(order)


DESERIALIZER = ActivityDeserializer()


def activity_from_json(body: Any) -> Activity:
    """`Activity().deserialize(body)` for a decoded JSON request body (see ActivityDeserializer)."""
    return DESERIALIZER.activity(body)


class _ReferenceSerializer:
    """`TurnContext.get_conversation_reference(activity).serialize()`, written straight from the activity.

    The SDK makes a ConversationReference of the activity's id (not for a conversationUpdate, nor on Direct
    Line or Web Chat), shallow copies of its from/recipient/conversation accounts, and its channel id, locale
    and service URL; msrest's Serializer then writes each field that is not None under its attribute map's
    key, in the map's order, models by their own class's map, str enums as their value. Here the same dict
    is written from the same values, from a field table per model class, for accounts made of str, bool and
    plain JSON fields; anything else (another kind of field, a value that is not a model where one belongs,
    a class with validation rules, flattened keys or its own copying) is left to the SDK and msrest.
    """

    def __init__(self) -> None:
        self._tables: dict[type, tuple[dict[str, Any], int, tuple[tuple[str, str, int], ...] | None]] = {}
        self._models = ConversationReference._infer_class_models()

    def fast(self, activity: Activity) -> dict[str, Any] | None:
        try:
            activity_id = (
                activity.id
                if activity.type != ActivityTypes.conversation_update
                and activity.channel_id != Channels.direct_line
                and activity.channel_id != Channels.webchat
                else None
            )
            reference = SimpleNamespace(
                activity_id=activity_id,
                user=activity.from_property,
                bot=activity.recipient,
                conversation=activity.conversation,
                channel_id=activity.channel_id,
                locale=activity.locale,
                service_url=activity.service_url,
            )
            return self._write(ConversationReference, reference)
        except Exception:  # noqa: BLE001 - _Unusual, or anything the SDK may refuse: the SDK decides
            return None

    def _write(self, cls: type, obj: Any) -> dict[str, Any]:
        attribute_map = cls._attribute_map  # type: ignore[attr-defined]
        kept = self._tables.get(cls)
        if kept is None or kept[0] is not attribute_map or kept[1] != len(attribute_map):
            kept = self._tables[cls] = (attribute_map, len(attribute_map), self._fields(cls))
        fields = kept[2]
        if fields is None:
            raise _UNUSUAL
        written: dict[str, Any] = {}
        for attr, key, kind in fields:
            value = getattr(obj, attr)
            if value is None:
                continue
            value_type = type(value)
            if kind == _STR:
                if value_type is not str:
                    # msrest's serialize_unicode writes an enum's value.
                    if not isinstance(value, Enum) or type(value.value) is not str:
                        raise _UNUSUAL
                    value = value.value
            elif kind == _MODEL:
                if not isinstance(value, Model):
                    raise _UNUSUAL
                value = self._write(value_type, value)
            elif kind == _BOOL:
                if value_type is not bool:
                    raise _UNUSUAL
            elif kind == _OBJECT:
                if value_type is dict or value_type is list:
                    value = _copy_json(value)  # msrest's serialize_object copies plain JSON
                elif value_type not in _JSON_SCALARS:
                    raise _UNUSUAL
            else:
                raise _UNUSUAL
            written[key] = value
        return written

    def _fields(self, cls: type) -> tuple[tuple[str, str, int], ...] | None:
        """(attribute, JSON key, kind) per field, in the attribute map's order; None for a class whose
        objects msrest writes some other way, or that the SDK's copy() may copy some other way."""
        copies_plainly = (
            getattr(cls, "__copy__", None) is None
            and cls.__reduce_ex__ is object.__reduce_ex__
            and cls.__reduce__ is object.__reduce__
            and getattr(cls, "__getstate__", object.__getstate__) is object.__getstate__  # type: ignore[misc]
        )
        # The reference itself is made by the SDK's constructor: it must store what it is given.
        if not copies_plainly or not _simple_model(cls) or _layout(cls) is None:
            return None
        fields = []
        for attr, description in cls._attribute_map.items():  # type: ignore[attr-defined]
            kind, _ = _kind(description.get("type"), self._models)
            fields.append((attr, description["key"], kind))
        return tuple(fields)


REFERENCES = _ReferenceSerializer()


def conversation_reference_json(activity: Activity) -> dict[str, Any]:
    """`TurnContext.get_conversation_reference(activity).serialize()`: the same dict (see
    _ReferenceSerializer), or the SDK's and msrest's own error."""
    written = REFERENCES.fast(activity)
    if written is None:
        return TurnContext.get_conversation_reference(activity).serialize()  # type: ignore[no-any-return]
    return written
