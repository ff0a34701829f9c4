#include "app/manual.h"

#include <map>
#include <set>
#include <vector>

#include "app/app_context.h"
#include "app/settings.h"
#include "app/version.h"
#include "query/catalog.h"

namespace ramstein {
namespace {

// The visible subcommands of `app`, in the order declared.
std::vector<const CLI::App*> Commands(const CLI::App& app) {
  return app.get_subcommands([](const CLI::App* sub) { return !sub->get_group().empty(); });
}

// The visible options of `app`; a command's own help flags are left out
// (every command has them; the top level lists them once).
std::vector<const CLI::Option*> Options(const CLI::App& app) {
  bool top = app.get_parent() == nullptr;
  return app.get_options([top](const CLI::Option* option) {
    if (option->get_group().empty()) return false;
    return top || (option->get_name() != "--help" && option->get_name() != "--help-all");
  });
}

// The question a command path such as "report donors" answers, if any.
const Question* QuestionOf(const std::vector<std::string>& path) {
  for (const Question& question : Questions()) {
    if (question.command == path) return &question;
  }
  return nullptr;
}

// The values an option (by name, without dashes) takes, from the catalogue.
std::vector<std::string> ChoicesOf(const Question* question, const std::string& name) {
  if (question == nullptr) return {};
  for (const Param& param : question->params) {
    if (param.name == name && param.type == ParamType::choice) return param.allowed;
  }
  return {};
}

// Text for roff: backslashes doubled, dashes as \-, a line never starting
// with '.' or '\''.
std::string Roff(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-') {
      out += "\\-";
    } else if (c == '\n') {
      out += "\n.br\n";
    } else {
      out += c;
    }
  }
  if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out = "\\&" + out;
  return out;
}

std::string OptionNames(const CLI::Option& option) {
  std::string names;
  for (const std::string& name : option.get_snames()) names += (names.empty() ? "" : ", ") + ("\\fB\\-" + name + "\\fR");
  for (const std::string& name : option.get_lnames()) {
    names += (names.empty() ? "" : ", ") + ("\\fB\\-\\-" + Roff(name) + "\\fR");
  }
  return names;
}

void ManOptions(const CLI::App& app, std::string& out) {
  for (const CLI::Option* option : Options(app)) {
    out += ".TP\n";
    if (option->get_positional() && option->get_lnames().empty()) {
      out += "\\fI" + Roff(option->get_name()) + "\\fR\n";
    } else {
      out += OptionNames(*option);
      if (option->get_positional()) out += " or \\fI" + Roff(option->get_name(true)) + "\\fR";
      if (option->get_items_expected_min() > 0 && !option->get_type_name().empty()) {
        out += " \\fI" + Roff(option->get_type_name()) + "\\fR";
      }
      out += "\n";
    }
    out += Roff(option->get_description()) + "\n";
  }
}

// The columns of the table a question's command answers with, from the
// catalogue; `words` its command's words after "ramstein".
void ManColumns(const std::vector<std::string>& words, std::string& out) {
  const Question* question = QuestionOf(words);
  if (question == nullptr || question->columns.empty()) return;
  out += ".PP\nColumns:";
  for (std::size_t i = 0; i < question->columns.size(); ++i) {
    const ResultColumn& column = question->columns[i];
    out += (i == 0 ? " \\fI" : ", \\fI") + Roff(column.name) + "\\fR";
    if (!column.unit.empty()) out += " (" + Roff(column.unit) + ")";
  }
  out += ".\n";
}

// `prefix`: the command line so far ("ramstein report"), `words` its words
// after "ramstein".
void ManCommands(const CLI::App& app, const std::string& prefix, const std::vector<std::string>& words,
                 std::string& out) {
  for (const CLI::App* command : Commands(app)) {
    std::string path = prefix + " " + command->get_name();
    std::vector<std::string> command_words = words;
    command_words.push_back(command->get_name());
    std::vector<const CLI::App*> children = Commands(*command);
    out += ".SS \"" + Roff(path) + "\"\n" + Roff(command->get_description()) + "\n";
    if (children.empty()) {
      ManOptions(*command, out);
      ManColumns(command_words, out);
    } else {
      out += ".PP\nOne of:";
      for (const CLI::App* child : children) out += " \\fB" + Roff(child->get_name()) + "\\fR";
      out += ".\n";
    }
    ManCommands(*command, path, command_words, out);
  }
}

// A word for a bash double-quoted string.
std::string BashQuoted(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '"' || c == '\\' || c == '$' || c == '`') out += '\\';
    out += c;
  }
  return out;
}

void CompletionTables(const CLI::App& app, std::vector<std::string>& path, std::map<std::string, std::string>& words,
                      std::map<std::string, std::string>& takes) {
  std::string key = "ramstein";
  for (const std::string& word : path) key += " " + word;
  const Question* question = QuestionOf(path);
  std::set<std::string> here;
  for (const CLI::App* command : Commands(app)) here.insert(command->get_name());
  for (const CLI::Option* option : Options(app)) {
    for (const std::string& name : option->get_lnames()) {
      here.insert("--" + name);
      if (option->get_items_expected_min() > 0) {
        std::string values;
        for (const std::string& value : ChoicesOf(question, name)) values += (values.empty() ? "" : " ") + value;
        takes[key + " --" + name] = values;
      }
    }
    if (option->get_positional()) {
      for (const std::string& value : ChoicesOf(question, option->get_name(true))) here.insert(value);
    }
  }
  std::string list;
  for (const std::string& word : here) list += (list.empty() ? "" : " ") + word;
  words[key] = list;
  for (const CLI::App* command : Commands(app)) {
    path.push_back(command->get_name());
    CompletionTables(*command, path, words, takes);
    path.pop_back();
  }
}

}  // namespace

std::string ManPage(const CLI::App& app) {
  std::string out = ".\\\" ramstein(1), made by the program itself from its commands and catalogue.\n";
  out += ".TH RAMSTEIN 1 \"\" \"ramstein " RAMSTEIN_VERSION "\" \"User Commands\"\n";
  std::string summary = app.get_description();
  if (summary.rfind("Ramstein: ", 0) == 0) summary = summary.substr(10);
  if (!summary.empty() && summary.back() == '.') summary.pop_back();
  out += ".SH NAME\nramstein \\- " + Roff(summary) + "\n";
  out += ".SH SYNOPSIS\n.B ramstein\n[\\fIOPTIONS\\fR] \\fICOMMAND\\fR [\\fIARGUMENTS\\fR]\n";
  out +=
      ".SH DESCRIPTION\nRamstein keeps a hash\\-chained ledger of who pledged what to whom, what arrived, what is on "
      "hold and what is still needed, each figure with the document and quote it rests on. Reports, lists and "
      "records answer the same on the command line (\\fB\\-\\-json\\fR, \\fB\\-\\-csv\\fR) and over HTTP "
      "(\\fBramstein serve\\fR, /api/v1/).\n";
  out += ".SH OPTIONS\nThese come before the command.\n";
  ManOptions(app, out);
  out += ".SH COMMANDS\n";
  ManCommands(app, "ramstein", {}, out);
  out += ".SH SETTINGS\nEach setting is taken from the first that gives it of: its option, its environment "
         "variable, the config file, the default.\n";
  for (const SettingInfo& info : SettingInfos()) {
    out += ".TP\n\\fB" + Roff(std::string(info.flag)) + "\\fR";
    if (!info.section.empty()) out += " (of \\fB" + Roff(std::string(info.section)) + "\\fR)";
    out += ", \\fB" + Roff(std::string(info.env)) + "\\fR, key \\fB" + Roff(std::string(info.key)) + "\\fR";
    if (!info.section.empty()) out += " in section \\fB[" + Roff(std::string(info.section)) + "]\\fR";
    out += "\n" + Roff(std::string(info.description)) + "\n";
  }
  out += ".SH FILES\n.TP\n.I " + Roff(std::string(kDefaultConfigFile)) +
         "\nThe config file read when neither \\fB\\-\\-config\\fR nor \\fBRAMSTEIN_CONFIG\\fR names one. Lines are "
         "\\fIkey\\fR = \\fIvalue\\fR, \\fB[section]\\fR headers and comments starting with # or ;. An unknown key "
         "or a bad line is an error naming the file and the line.\n";
  out += ".SH EXIT STATUS\n.TP\n" + std::to_string(kExitOk) + "\nsuccess\n.TP\n" + std::to_string(kExitUsage) +
         "\na usage error: an unknown command or option, a bad value\n.TP\n" + std::to_string(kExitDataError) +
         "\na data error: bad input (nothing was written), a failed verification, an unreadable file\n";
  return out;
}

std::string BashCompletion(const CLI::App& app) {
  std::map<std::string, std::string> words, takes;
  std::vector<std::string> path;
  CompletionTables(app, path, words, takes);
  std::string out = "# bash completion for ramstein, made by `ramstein completion bash`.\n_ramstein() {\n";
  out += "  local -A words=(\n";
  for (const auto& [key, list] : words) out += "    [\"" + BashQuoted(key) + "\"]=\"" + BashQuoted(list) + "\"\n";
  out += "  )\n  # Options that take a value, with the values they take when they are a choice.\n";
  out += "  local -A takes=(\n";
  for (const auto& [key, list] : takes) out += "    [\"" + BashQuoted(key) + "\"]=\"" + BashQuoted(list) + "\"\n";
  out += R"(  )
  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} path=ramstein word i
  for ((i = 1; i < COMP_CWORD; i++)); do
    word=${COMP_WORDS[i]}
    if [[ $word == -* ]]; then
      if [[ $word != *=* && ( -n ${takes["$path $word"]+x} || -n ${takes["ramstein $word"]+x} ) ]]; then
        ((i++))
      fi
      continue
    fi
    [[ -n ${words["$path $word"]+x} ]] && path="$path $word"
  done
  if [[ $COMP_CWORD -gt 1 && $prev == --* ]]; then
    local key="$path $prev"
    [[ -z ${takes[$key]+x} ]] && key="ramstein $prev"
    if [[ -n ${takes[$key]+x} ]]; then
      if [[ -n ${takes[$key]} ]]; then
        mapfile -t COMPREPLY < <(compgen -W "${takes[$key]}" -- "$cur")
      else
        mapfile -t COMPREPLY < <(compgen -f -- "$cur")
      fi
      return 0
    fi
  fi
  mapfile -t COMPREPLY < <(compgen -W "${words[$path]}" -- "$cur")
}
complete -o default -F _ramstein ramstein
)";
  return out;
}

}  // namespace ramstein
