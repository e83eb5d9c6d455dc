/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "weighted-index.h"

#include "config-error.h"

#include <cmath>
#include <sstream>

namespace ns3
{
namespace llmedge
{

WeightedIndex::WeightedIndex(std::size_t n)
    : m_w(n, 0.0),
      m_tree(n + 1, 0.0)
{
    for (std::size_t b = 1; b <= n; b <<= 1)
    {
        m_topBit = b;
    }
}

std::size_t
WeightedIndex::Size() const
{
    return m_w.size();
}

void
WeightedIndex::Set(std::size_t i, double w)
{
    if (i >= m_w.size() || !std::isfinite(w) || w < 0)
    {
        std::ostringstream os;
        os << "WeightedIndex: item " << i << " of " << m_w.size() << " given weight " << w
           << ": expected an item < " << m_w.size() << " and a finite weight >= 0";
        throw ConfigError(os.str());
    }
    double delta = w - m_w[i];
    if (delta == 0)
    {
        return;
    }
    m_w[i] = w;
    if (++m_updates > 4 * m_w.size())
    {
        Rebuild();
        return;
    }
    for (std::size_t k = i + 1; k < m_tree.size(); k += k & (~k + 1))
    {
        m_tree[k] += delta;
    }
}

double
WeightedIndex::Get(std::size_t i) const
{
    return m_w.at(i);
}

double
WeightedIndex::Total() const
{
    double s = 0;
    for (std::size_t k = m_w.size(); k > 0; k -= k & (~k + 1))
    {
        s += m_tree[k];
    }
    return s;
}

std::size_t
WeightedIndex::Find(double target) const
{
    std::size_t n = m_w.size();
    std::size_t pos = 0; // items 0 .. pos - 1 hold at most target
    for (std::size_t step = m_topBit; step > 0; step >>= 1)
    {
        if (pos + step <= n && m_tree[pos + step] <= target)
        {
            pos += step;
            target -= m_tree[pos];
        }
    }
    // Rounding can land on an item of weight 0 or past the end: the next
    // item of positive weight, else the last one before.
    for (std::size_t i = pos; i < n; ++i)
    {
        if (m_w[i] > 0)
        {
            return i;
        }
    }
    for (std::size_t i = std::min(pos, n); i > 0; --i)
    {
        if (m_w[i - 1] > 0)
        {
            return i - 1;
        }
    }
    return n;
}

void
WeightedIndex::Rebuild()
{
    m_updates = 0;
    for (std::size_t k = 1; k < m_tree.size(); ++k)
    {
        m_tree[k] = m_w[k - 1];
    }
    for (std::size_t k = 1; k < m_tree.size(); ++k)
    {
        std::size_t parent = k + (k & (~k + 1));
        if (parent < m_tree.size())
        {
            m_tree[parent] += m_tree[k];
        }
    }
}

} // namespace llmedge
} // namespace ns3
