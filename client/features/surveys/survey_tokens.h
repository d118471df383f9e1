#pragma once
// This device's survey tokens (docs/survey-tokens.md): the moment a pull brings an open survey the person may
// answer, the device asks for its one blind token in the background, checks the server's proof against the
// key the survey publishes for the person's team, and keeps the token in the person's own store. Answers go
// out with the token and without the session, and wait on the device while it is offline.
#include <map>
#include <string>

#include "tandem/base/change.h"

namespace tandem::client {

class Context;

struct SurveyToken {
    enum class State {
        Unknown,     // not asked yet
        Asking,      // token being fetched
        Ready,       // token held, not used
        Waiting,     // answers kept on this device, to be sent
        Answered,    // the server counted them
        NotInvited,  // the survey does not invite the person's team
        Elsewhere,   // the one token went to another device (or its answer was lost)
        Refused,     // the server refused the answer, or its key did not match the published one
    };
    State state = State::Unknown;
    std::string group, public_key, token_input, token;  // bytes as base64url
    Json answers;                                       // kept while waiting to be sent
    std::string message;                                // the last outcome, for the person to read
    bool in_flight = false;
    uint64_t next_try_ms = 0;
};

struct SurveyTokens {
    std::map<std::string, SurveyToken> by_survey;

    // Each frame: fetches the tokens of open surveys first seen, sends the answers waiting.
    void tick(Context& ctx);
    // The person pressed "Send answers": kept on the device first, then sent when the network allows.
    void submit(Context& ctx, const std::string& survey_id, const Json& answers);
    const SurveyToken* find(const std::string& survey_id) const;

private:
    void load(Context& ctx, const std::string& survey_id);
    void keep(Context& ctx, const std::string& survey_id);
    void fetch(Context& ctx, const std::string& survey_id);
    void send(Context& ctx, const std::string& survey_id);
};

SurveyTokens& survey_tokens();
// A line for the list: "Answered — thank you; nobody can tell this answer is yours".
std::string token_status_text(const SurveyToken& token, bool online);

} // namespace tandem::client
