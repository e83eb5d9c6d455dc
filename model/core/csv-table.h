/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LLM_EDGE_CSV_TABLE_H
#define LLM_EDGE_CSV_TABLE_H

#include <cstddef>
#include <fstream>
#include <istream>
#include <string>
#include <vector>

namespace ns3
{
namespace llmedge
{

/**
 * \ingroup llm-edge
 * \brief A small RFC-4180-style CSV reader that remembers line numbers.
 *
 * Lines that are empty or start with '#' are skipped (data files carry their
 * provenance in such comments). The first remaining line is the header;
 * column names are matched case-insensitively and with surrounding blanks
 * trimmed. Quoted fields may contain commas and doubled quotes. A UTF-8
 * byte-order mark and CRLF line ends are accepted; UTF-16, binary data
 * (NUL or control bytes), CR-only line ends and semicolon- or tab-separated
 * files are refused with a hint. Every error is a ConfigError naming the
 * source, the line and the (character) column.
 */
class CsvTable
{
  public:
    /// One data row with the 1-based line it came from.
    struct Row
    {
        std::size_t line;                ///< 1-based line number in the source
        std::vector<std::string> fields; ///< the fields, trimmed
        std::vector<std::size_t> columns; ///< 1-based character column of each field
    };

    /**
     * \brief Parse a whole stream.
     * \param in the stream
     * \param sourceName the file name used in error messages
     * \return the table
     */
    static CsvTable Parse(std::istream& in, const std::string& sourceName);

    /**
     * \brief Parse a file.
     * \param path the file path
     * \return the table
     */
    static CsvTable ParseFile(const std::string& path);

    /// \return the header fields as written
    const std::vector<std::string>& GetHeader() const;
    /// \return the 1-based line number of the header line
    std::size_t GetHeaderLine() const;
    /// \return the data rows
    const std::vector<Row>& GetRows() const;

    /**
     * \param name a column name (case-insensitive)
     * \return its index, or -1 when absent
     */
    int FindColumn(const std::string& name) const;

    /**
     * \param name a column name that must be present
     * \return its index
     */
    std::size_t RequireColumn(const std::string& name) const;

    /**
     * \brief The first of several accepted spellings of a column that is
     * present (e.g. an export's old and new header names).
     * \param names accepted names, preferred first (case-insensitive)
     * \return the index of the first one present; when none is, throws a
     *         ConfigError "file:headerLine:1: missing required column ..."
     *         listing the accepted names and the header
     */
    std::size_t RequireAnyColumn(const std::vector<std::string>& names) const;

    /**
     * \brief A field as a finite double.
     * \param row the row
     * \param column the column index
     * \return the number
     */
    double GetDouble(const Row& row, std::size_t column) const;

    /**
     * \brief A field as text.
     * \param row the row
     * \param column the column index
     * \return the text (may be empty)
     */
    const std::string& GetString(const Row& row, std::size_t column) const;

    /**
     * \brief "file:line" prefix for messages about a row.
     * \param row the row
     * \return the location text
     */
    std::string Where(const Row& row) const;

    /**
     * \brief "file:line:column" prefix for messages about one field.
     * \param row the row
     * \param column the field index
     * \return the location text (column: 1-based character position)
     */
    std::string Where(const Row& row, std::size_t column) const;

  private:
    std::string m_source;             ///< file name for messages
    std::vector<std::string> m_header; ///< header fields
    std::size_t m_headerLine{0};       ///< 1-based line of the header
    std::vector<std::string> m_keys;   ///< lower-cased header fields
    std::vector<Row> m_rows;           ///< data rows
};

/**
 * \brief Open a data file for reading (binary: line ends are the reader's).
 * \param path the file
 * \return the open stream; throws ConfigError "cannot open file '...'" otherwise
 */
std::ifstream OpenInputFile(const std::string& path);

/**
 * \brief Read a whole file as bytes (readers then parse the text, so that
 * messages can name the file).
 * \param path the file
 * \return its content; throws ConfigError "cannot open file" when unreadable
 */
std::string ReadTextFile(const std::string& path);

/**
 * \brief Parse a whole string as a finite decimal double (no trailing text,
 * no hexadecimal, NaN or infinity).
 * \param text the text
 * \param value set on success
 * \return true on success
 */
bool ParseFiniteDouble(const std::string& text, double& value);

} // namespace llmedge
} // namespace ns3

#endif /* LLM_EDGE_CSV_TABLE_H */
