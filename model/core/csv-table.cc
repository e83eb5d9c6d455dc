/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "csv-table.h"

#include "config-error.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>

namespace ns3
{
namespace llmedge
{

namespace
{

std::string
Trim(const std::string& s)
{
    std::size_t b = 0;
    std::size_t e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b])))
    {
        ++b;
    }
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1])))
    {
        --e;
    }
    return s.substr(b, e - b);
}

std::string
Lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) {
        return static_cast<char>(std::tolower(c));
    });
    return s;
}

// Split one line into fields; quotes may enclose commas, "" is a quote.
// starts receives the 1-based character column where each field begins.
std::vector<std::string>
SplitLine(const std::string& line, const std::string& where, std::vector<std::size_t>& starts)
{
    std::vector<std::string> fields;
    starts.assign(1, 1);
    std::string cur;
    bool quoted = false;
    bool wasQuoted = false;
    for (std::size_t i = 0; i < line.size(); ++i)
    {
        char c = line[i];
        if (quoted)
        {
            if (c == '"')
            {
                if (i + 1 < line.size() && line[i + 1] == '"')
                {
                    cur += '"';
                    ++i;
                }
                else
                {
                    quoted = false;
                }
            }
            else
            {
                cur += c;
            }
        }
        else if (c == '"' && Trim(cur).empty())
        {
            quoted = true;
            wasQuoted = true;
            cur.clear();
        }
        else if (c == ',')
        {
            fields.push_back(wasQuoted ? cur : Trim(cur));
            starts.push_back(i + 2);
            cur.clear();
            wasQuoted = false;
        }
        else
        {
            cur += c;
        }
    }
    if (quoted)
    {
        throw ConfigError(where + ":" + std::to_string(starts.back()) +
                          ": unterminated quoted field");
    }
    fields.push_back(wasQuoted ? cur : Trim(cur));
    return fields;
}

// " (hint)" when a line looks separated by something other than commas.
std::string
SeparatorHint(const std::string& line)
{
    if (line.find(';') != std::string::npos)
    {
        return " (the line contains ';': the file looks semicolon-separated; this reader needs "
               "commas)";
    }
    if (line.find('\t') != std::string::npos)
    {
        return " (the line contains tabs: the file looks tab-separated; this reader needs commas)";
    }
    return "";
}

// Refuse what is not a UTF-8/ASCII text CSV file, with a hint.
void
CheckEncoding(const std::string& data, const std::string& sourceName)
{
    auto at = [&](std::size_t pos) {
        std::size_t line = 1;
        std::size_t col = 1;
        for (std::size_t i = 0; i < pos; ++i)
        {
            if (data[i] == '\n')
            {
                ++line;
                col = 1;
            }
            else
            {
                ++col;
            }
        }
        return sourceName + ":" + std::to_string(line) + ":" + std::to_string(col);
    };
    if (data.size() >= 2 && ((data[0] == '\xFF' && data[1] == '\xFE') ||
                             (data[0] == '\xFE' && data[1] == '\xFF')))
    {
        throw ConfigError(at(0) + ": the file is UTF-16 encoded (byte-order mark " +
                          std::string(data[0] == '\xFF' ? "FF FE" : "FE FF") +
                          "); save it as UTF-8 or ASCII text");
    }
    for (std::size_t i = 0; i < data.size(); ++i)
    {
        auto c = static_cast<unsigned char>(data[i]);
        if (c == 0)
        {
            bool utf16 = data.size() >= 4 && ((data[1] == 0 && data[3] == 0 && data[0] != 0) ||
                                              (data[0] == 0 && data[2] == 0 && data[1] != 0));
            if (utf16)
            {
                throw ConfigError(at(i) + ": the file looks UTF-16 encoded (NUL bytes between "
                                          "characters); save it as UTF-8 or ASCII text");
            }
            throw ConfigError(at(i) + ": NUL byte: this is binary data, not a text CSV file");
        }
        if (c == '\r' && (i + 1 == data.size() || data[i + 1] != '\n') &&
            data.find('\n') == std::string::npos)
        {
            throw ConfigError(at(i) + ": line ends are carriage returns only (old Mac format); "
                                      "convert the file to LF or CRLF line ends");
        }
        if (c == '\r' && i + 1 < data.size() && data[i + 1] != '\n')
        {
            throw ConfigError(at(i) + ": carriage return inside a line (mixed or CR-only line "
                                      "ends); convert the file to LF or CRLF line ends");
        }
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F)
        {
            char hex[8];
            std::snprintf(hex, sizeof(hex), "0x%02X", c);
            throw ConfigError(at(i) + ": control character " + hex +
                              ": this looks like binary data, not a text CSV file");
        }
    }
}

} // namespace

std::string
ReadTextFile(const std::string& path)
{
    std::ifstream in = OpenInputFile(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

bool
ParseFiniteDouble(const std::string& text, double& value)
{
    std::string t = Trim(text);
    if (t.empty() || t.find_first_of("xXpP") != std::string::npos)
    {
        return false; // no hexadecimal floats (0x10, 0x1p4)
    }
    errno = 0;
    char* end = nullptr;
    double v = std::strtod(t.c_str(), &end);
    if (end != t.c_str() + t.size() || errno == ERANGE || !std::isfinite(v))
    {
        return false;
    }
    value = v;
    return true;
}

std::ifstream
OpenInputFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
    {
        throw ConfigError("cannot open file '" + path + "'");
    }
    return in;
}

CsvTable
CsvTable::Parse(std::istream& in, const std::string& sourceName)
{
    CsvTable t;
    t.m_source = sourceName;
    std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (data.size() >= 3 && data.compare(0, 3, "\xEF\xBB\xBF") == 0)
    {
        data.erase(0, 3); // UTF-8 byte-order mark from spreadsheet exports
    }
    CheckEncoding(data, sourceName);
    std::istringstream lines(data);
    std::string line;
    std::size_t lineNo = 0;
    bool haveHeader = false;
    while (std::getline(lines, line))
    {
        ++lineNo;
        if (!line.empty() && line.back() == '\r')
        {
            line.pop_back();
        }
        std::string trimmed = Trim(line);
        if (trimmed.empty() || trimmed[0] == '#')
        {
            continue;
        }
        std::string where = sourceName + ":" + std::to_string(lineNo);
        std::vector<std::size_t> starts;
        auto fields = SplitLine(line, where, starts);
        if (!haveHeader)
        {
            if (fields.size() == 1 && !SeparatorHint(line).empty())
            {
                throw ConfigError(where + ":1: header '" + Trim(line) + "' is one column" +
                                  SeparatorHint(line));
            }
            t.m_header = fields;
            t.m_headerLine = lineNo;
            for (const auto& f : fields)
            {
                std::string key = Lower(Trim(f));
                if (key.empty())
                {
                    throw ConfigError(where + ":" +
                                      std::to_string(starts[&f - fields.data()]) +
                                      ": empty column name in header");
                }
                if (std::find(t.m_keys.begin(), t.m_keys.end(), key) != t.m_keys.end())
                {
                    throw ConfigError(where + ":" +
                                      std::to_string(starts[&f - fields.data()]) +
                                      ": duplicate column '" + f + "' in header");
                }
                t.m_keys.push_back(key);
            }
            haveHeader = true;
            continue;
        }
        if (fields.size() != t.m_header.size())
        {
            std::size_t col = fields.size() > t.m_header.size() ? starts[t.m_header.size()]
                                                                 : line.size() + 1;
            throw ConfigError(where + ":" + std::to_string(col) + ": expected " +
                              std::to_string(t.m_header.size()) + " columns, found " +
                              std::to_string(fields.size()) + SeparatorHint(line));
        }
        t.m_rows.push_back(Row{lineNo, std::move(fields), std::move(starts)});
    }
    if (!haveHeader)
    {
        throw ConfigError(sourceName + ": no header line (file empty?)");
    }
    return t;
}

CsvTable
CsvTable::ParseFile(const std::string& path)
{
    std::ifstream in(path);
    if (!in)
    {
        throw ConfigError("cannot open file '" + path + "'");
    }
    return Parse(in, path);
}

const std::vector<std::string>&
CsvTable::GetHeader() const
{
    return m_header;
}

std::size_t
CsvTable::GetHeaderLine() const
{
    return m_headerLine;
}

const std::vector<CsvTable::Row>&
CsvTable::GetRows() const
{
    return m_rows;
}

int
CsvTable::FindColumn(const std::string& name) const
{
    auto it = std::find(m_keys.begin(), m_keys.end(), Lower(Trim(name)));
    return it == m_keys.end() ? -1 : static_cast<int>(it - m_keys.begin());
}

std::size_t
CsvTable::RequireColumn(const std::string& name) const
{
    int c = FindColumn(name);
    if (c < 0)
    {
        std::string header;
        for (const auto& h : m_header)
        {
            header += (header.empty() ? "" : ",") + h;
        }
        throw ConfigError(m_source + ": missing required column '" + name + "' (header: " +
                          header + ")" + SeparatorHint(header));
    }
    return static_cast<std::size_t>(c);
}

std::size_t
CsvTable::RequireAnyColumn(const std::vector<std::string>& names) const
{
    for (const auto& n : names)
    {
        int c = FindColumn(n);
        if (c >= 0)
        {
            return static_cast<std::size_t>(c);
        }
    }
    std::string accepted;
    for (const auto& n : names)
    {
        accepted += (accepted.empty() ? "'" : " or '") + n + "'";
    }
    std::string header;
    for (const auto& h : m_header)
    {
        header += (header.empty() ? "" : ",") + h;
    }
    throw ConfigError(m_source + ":" + std::to_string(m_headerLine) +
                      ":1: missing required column " + accepted + " (header: " + header + ")" +
                      SeparatorHint(header));
}

double
CsvTable::GetDouble(const Row& row, std::size_t column) const
{
    double v = 0;
    if (!ParseFiniteDouble(row.fields.at(column), v))
    {
        throw ConfigError(Where(row, column) + ": column '" + m_header.at(column) + "' = '" +
                          row.fields.at(column) + "' is not a finite decimal number");
    }
    return v;
}

const std::string&
CsvTable::GetString(const Row& row, std::size_t column) const
{
    return row.fields.at(column);
}

std::string
CsvTable::Where(const Row& row) const
{
    return m_source + ":" + std::to_string(row.line);
}

std::string
CsvTable::Where(const Row& row, std::size_t column) const
{
    std::size_t col = column < row.columns.size() ? row.columns[column] : 1;
    return m_source + ":" + std::to_string(row.line) + ":" + std::to_string(col);
}

} // namespace llmedge
} // namespace ns3
