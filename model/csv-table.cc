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
#include <fstream>

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
std::vector<std::string>
SplitLine(const std::string& line, const std::string& where)
{
    std::vector<std::string> fields;
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
        throw ConfigError(where + ": unterminated quoted field");
    }
    fields.push_back(wasQuoted ? cur : Trim(cur));
    return fields;
}

} // namespace

bool
ParseFiniteDouble(const std::string& text, double& value)
{
    std::string t = Trim(text);
    if (t.empty())
    {
        return false;
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

CsvTable
CsvTable::Parse(std::istream& in, const std::string& sourceName)
{
    CsvTable t;
    t.m_source = sourceName;
    std::string line;
    std::size_t lineNo = 0;
    bool haveHeader = false;
    while (std::getline(in, line))
    {
        ++lineNo;
        if (!line.empty() && line.back() == '\r')
        {
            line.pop_back();
        }
        if (lineNo == 1 && line.size() >= 3 && line.compare(0, 3, "\xEF\xBB\xBF") == 0)
        {
            line.erase(0, 3); // UTF-8 byte-order mark from spreadsheet exports
        }
        std::string trimmed = Trim(line);
        if (trimmed.empty() || trimmed[0] == '#')
        {
            continue;
        }
        std::string where = sourceName + ":" + std::to_string(lineNo);
        auto fields = SplitLine(line, where);
        if (!haveHeader)
        {
            t.m_header = fields;
            for (const auto& f : fields)
            {
                std::string key = Lower(Trim(f));
                if (key.empty())
                {
                    throw ConfigError(where + ": empty column name in header");
                }
                if (std::find(t.m_keys.begin(), t.m_keys.end(), key) != t.m_keys.end())
                {
                    throw ConfigError(where + ": duplicate column '" + f + "' in header");
                }
                t.m_keys.push_back(key);
            }
            haveHeader = true;
            continue;
        }
        if (fields.size() != t.m_header.size())
        {
            throw ConfigError(where + ": expected " + std::to_string(t.m_header.size()) +
                              " columns, found " + std::to_string(fields.size()));
        }
        t.m_rows.push_back(Row{lineNo, std::move(fields)});
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

const std::string&
CsvTable::GetSourceName() const
{
    return m_source;
}

const std::vector<std::string>&
CsvTable::GetHeader() const
{
    return m_header;
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
        throw ConfigError(m_source + ": missing required column '" + name + "'");
    }
    return static_cast<std::size_t>(c);
}

double
CsvTable::GetDouble(const Row& row, std::size_t column) const
{
    double v = 0;
    if (!ParseFiniteDouble(row.fields.at(column), v))
    {
        throw ConfigError(Where(row) + ": column '" + m_header.at(column) + "' = '" +
                          row.fields.at(column) + "' is not a finite number");
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

} // namespace llmedge
} // namespace ns3
