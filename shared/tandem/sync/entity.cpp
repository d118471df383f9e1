#include "tandem/sync/entity.h"

#include "tandem/base/ids.h"
#include "tandem/sync/merge.h"
#include "tandem/base/sealed.h"

namespace tandem {

namespace {
FieldSpec make_field(std::string name, FieldType type) {
    FieldSpec field;
    field.name = std::move(name);
    field.type = type;
    return field;
}
}  // namespace

FieldSpec FieldSpec::text(std::string name, size_t max_length) {
    FieldSpec field = make_field(std::move(name), FieldType::Text);
    field.max_length = max_length;
    return field;
}
FieldSpec FieldSpec::date(std::string name) { return make_field(std::move(name), FieldType::Date); }
FieldSpec FieldSpec::boolean(std::string name) { return make_field(std::move(name), FieldType::Bool); }
FieldSpec FieldSpec::integer(std::string name, long min_value, long max_value) {
    FieldSpec field = make_field(std::move(name), FieldType::Integer);
    field.min_value = min_value;
    field.max_value = max_value;
    return field;
}
FieldSpec FieldSpec::person(std::string name) { return make_field(std::move(name), FieldType::PersonId); }
FieldSpec FieldSpec::record(std::string name, std::string references) {
    FieldSpec field = make_field(std::move(name), FieldType::RecordId);
    field.references = std::move(references);
    return field;
}
FieldSpec FieldSpec::choice(std::string name, std::vector<std::string> choices) {
    FieldSpec field = make_field(std::move(name), FieldType::Choice);
    field.choices = std::move(choices);
    return field;
}
FieldSpec FieldSpec::sealed_text(std::string name, size_t max_length) {
    return shaped_text(std::move(name), max_length, is_sealed_text,
                       "must be sealed on the device: \"sealed:v1:\" and padded base64 of the nonce and "
                       "ciphertext (docs/api.md, Sealed text)");
}
FieldSpec FieldSpec::shaped_text(std::string name, size_t max_length, bool (*shape)(std::string_view),
                                 const char* shape_rule) {
    FieldSpec field = text(std::move(name), max_length);
    field.shape = shape;
    field.shape_rule = shape_rule;
    return field;
}

const FieldSpec* EntitySpec::field(std::string_view wanted) const {
    for (const auto& f : fields)
        if (f.name == wanted) return &f;
    return nullptr;
}

const EntitySpec* find_entity(std::string_view name) {
    for (const EntitySpec* spec : all_entities())
        if (spec->name == name) return spec;
    return nullptr;
}

bool is_iso_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (text[i] < '0' || text[i] > '9') return false;
    int year = std::stoi(std::string(text.substr(0, 4)));
    int month = std::stoi(std::string(text.substr(5, 2)));
    int day = std::stoi(std::string(text.substr(8, 2)));
    static const int days_in_month[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1 || day > days_in_month[month - 1]) return false;
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return !(month == 2 && day == 29 && !leap) && year >= 1900;
}

// UTF-8 well-formedness: nlohmann rejects bad UTF-8 on parse, but values built in C++ may carry any bytes.
bool is_valid_utf8(const std::string& text) {
    try {
        (void)Json(text).dump();
        return true;
    } catch (const Json::exception&) {
        return false;
    }
}

std::string lower_ascii(std::string text) {
    for (auto& c : text)
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    return text;
}

bool has_control_characters(std::string_view text) {
    for (unsigned char c : text)
        if (c < 0x20 || c == 0x7f) return true;
    return false;
}

namespace {

Problem invalid(const std::string& field, const std::string& why) {
    return Problem{"invalid_change", "field \"" + field + "\" " + why};
}

std::optional<Problem> validate_value(const FieldSpec& spec, const Json& value) {
    if (value.is_null()) {
        if (spec.nullable) return std::nullopt;
        return invalid(spec.name, "may not be null");
    }
    switch (spec.type) {
    case FieldType::Text: {
        if (!value.is_string()) return invalid(spec.name, "must be a string");
        const auto& text = value.get_ref<const std::string&>();
        if (text.size() > spec.max_length)
            return invalid(spec.name, "is longer than " + std::to_string(spec.max_length) + " bytes");
        if (!is_valid_utf8(text)) return invalid(spec.name, "is not valid UTF-8");
        if (spec.shape && !spec.shape(text)) return invalid(spec.name, spec.shape_rule);
        return std::nullopt;
    }
    case FieldType::Date:
        if (!value.is_string() || !is_iso_date(value.get_ref<const std::string&>()))
            return invalid(spec.name, "must be a date as YYYY-MM-DD");
        return std::nullopt;
    case FieldType::Bool:
        if (!value.is_boolean()) return invalid(spec.name, "must be true or false");
        return std::nullopt;
    case FieldType::Integer:
        if (!value.is_number_integer() || value.get<long>() < spec.min_value || value.get<long>() > spec.max_value)
            return invalid(spec.name, "must be a whole number from " + std::to_string(spec.min_value) + " to " +
                                          std::to_string(spec.max_value));
        return std::nullopt;
    case FieldType::PersonId:
    case FieldType::RecordId:
        if (!value.is_string() || !is_uuid(value.get_ref<const std::string&>()))
            return invalid(spec.name, "must be a lower-case UUID");
        return std::nullopt;
    case FieldType::Choice:
        if (value.is_string())
            for (const auto& choice : spec.choices)
                if (choice == value.get_ref<const std::string&>()) return std::nullopt;
        return invalid(spec.name, "must be one of the allowed values");
    }
    return invalid(spec.name, "has an unknown type");
}

}  // namespace

Json RuleContext::before(const std::string& field) const { return existing ? existing->value(field) : Json(); }

Json RuleContext::after(const std::string& field) const {
    auto it = change.fields.find(field);
    return it != change.fields.end() ? *it : before(field);
}

std::optional<Problem> check_fixed_fields(const EntitySpec& spec, const Json& fields, const RecordState& existing) {
    for (const auto& field : spec.fields) {
        if (!field.immutable) continue;
        auto it = fields.find(field.name);
        if (it != fields.end() && *it != existing.value(field.name))
            return Problem{"invalid_change", "field \"" + field.name + "\" cannot change once set"};
    }
    return std::nullopt;
}

std::optional<Problem> validate_fields(const EntitySpec& spec, const Json& fields, bool creating) {
    if (!fields.is_object()) return Problem{"invalid_change", "\"fields\" must be an object"};
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        const FieldSpec* field = spec.field(it.key());
        if (!field) return Problem{"invalid_change", "unknown field \"" + it.key() + "\" for " + spec.name};
        if (auto problem = validate_value(*field, it.value())) return problem;
    }
    if (creating)
        for (const auto& field : spec.fields)
            if (field.required && !fields.contains(field.name))
                return Problem{"invalid_change", "a new " + spec.name + " needs \"" + field.name + "\""};
    return std::nullopt;
}

} // namespace tandem
