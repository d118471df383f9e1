#include "http/accept_encoding.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>
#include <sstream>

namespace tandem::server {

namespace {

std::string trimmed_lower(const std::string& text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos) return {};
    const auto last = text.find_last_not_of(" \t");
    std::string out = text.substr(first, last - first + 1);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return out;
}

// "q=0.5" -> 0.5; a malformed weight counts as refusal rather than as a wish.
double weight_of(const std::string& parameters) {
    std::istringstream rest(parameters);
    std::string parameter;
    double weight = 1.0;
    while (std::getline(rest, parameter, ';')) {
        parameter = trimmed_lower(parameter);
        if (parameter.rfind("q=", 0) != 0) continue;
        char* end = nullptr;
        const std::string value = parameter.substr(2);
        weight = std::strtod(value.c_str(), &end);
        if (value.empty() || end != value.c_str() + value.size() || weight < 0 || weight > 1) weight = 0;
    }
    return weight;
}

}  // namespace

std::vector<std::string> acceptable_encodings(const std::string& accept_encoding,
                                              const std::vector<std::string>& offered) {
    std::map<std::string, double> named;
    double any = -1;  // no "*": codings not named are not acceptable
    std::istringstream items(accept_encoding);
    std::string item;
    while (std::getline(items, item, ',')) {
        const auto semicolon = item.find(';');
        const std::string coding = trimmed_lower(item.substr(0, semicolon));
        if (coding.empty()) continue;
        const double weight = semicolon == std::string::npos ? 1.0 : weight_of(item.substr(semicolon + 1));
        if (coding == "*") any = weight;
        else named[coding] = weight;
    }
    std::vector<std::pair<double, std::string>> ranked;
    for (const auto& coding : offered) {
        const auto found = named.find(coding);
        const double weight = found != named.end() ? found->second : any;
        if (weight > 0) ranked.emplace_back(weight, coding);
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<std::string> out;
    for (auto& [weight, coding] : ranked) out.push_back(std::move(coding));
    return out;
}

std::string accept_encoding_for_answers(const std::string& accept_encoding) {
    return acceptable_encodings(accept_encoding, {"gzip"}).empty() ? "identity" : "gzip";
}

}  // namespace tandem::server
