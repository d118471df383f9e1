#include "tandem/surveys/survey_instruments.h"

namespace tandem::survey {

const std::vector<Instrument>& instrument_library() {
    static const std::vector<Instrument> library{
        {"enps",
         "Employee Net Promoter Score",
         "One 0-10 question and a reason: the share who would recommend working here minus the share who "
         "would not (-100 to 100).",
         {{"scale0_10", "enps", "How likely are you to recommend working here to a friend?"},
          {"text", "enps", "What is the main reason for your score?"}}},
        {"psych_safety",
         "Team psychological safety",
         "Seven statements on a 7-point agreement scale, three of them worded the other way round; the score "
         "is their mean from 1 to 7.",
         {{"agree7", "psych_safety", "When I get something wrong in this team, it is remembered against me.", true},
          {"agree7", "psych_safety", "We can raise hard problems in this team openly."},
          {"agree7", "psych_safety", "People who think or work differently are sometimes left out in this team.",
           true},
          {"agree7", "psych_safety", "I can try something new here without fear of being punished if it fails."},
          {"agree7", "psych_safety", "Asking a teammate for help feels awkward here.", true},
          {"agree7", "psych_safety", "Nobody in this team would quietly work against what I am doing."},
          {"agree7", "psych_safety", "What I am good at is noticed and put to use in this team."}}},
        {"engagement",
         "Engagement index",
         "Five statements on a 5-point scale; the index maps their mean to 0-100.",
         {{"likert5", "engagement", "I look forward to my work most days."},
          {"likert5", "engagement", "I understand how my work matters to the organisation."},
          {"likert5", "engagement", "I have the tools and information I need to do my job well."},
          {"likert5", "engagement", "I see myself still working here in two years."},
          {"likert5", "engagement", "I put in extra effort when the team needs it."},
          {"text", "engagement", "What one change would make your work better?"}}},
        {"manager_pulse",
         "Manager feedback pulse",
         "Upward feedback about one's manager: four statements and one suggestion, for their team to answer.",
         {{"likert5", "manager", "My manager makes time for regular 1:1s with me."},
          {"likert5", "manager", "My manager gives me feedback that helps me grow."},
          {"likert5", "manager", "My manager notices and recognises good work."},
          {"likert5", "manager", "I can tell my manager when I disagree."},
          {"text", "manager", "One thing my manager could do differently:"}}},
        {"session_feedback",
         "Training session feedback",
         "For a kiosk at a training session: was it worth the time, will it be used, and what would improve it.",
         {{"likert5", "session", "This session was worth my time."},
          {"likert5", "session", "I will use something from it in the next month."},
          {"choice", "session", "The pace was", false, "Too slow\nAbout right\nToo fast"},
          {"text", "session", "What would make this session better?"}}},
    };
    return library;
}

const Instrument* find_instrument(const std::string& key) {
    for (const auto& instrument : instrument_library())
        if (key == instrument.key) return &instrument;
    return nullptr;
}

} // namespace tandem::survey
