#pragma once

#include <QList>
#include <QString>
#include <QStringView>
#include <QXmlStreamReader>

#include <initializer_list>

namespace Moniagent {

// One element of a camt document with its children, by local name (namespace prefixes and versions do not
// matter). The reader keeps only small subtrees (an account, a balance, an entry), never the whole file.
struct CamtNode
{
    QString name;
    QString text; // trimmed character data
    QString currency; // the Ccy attribute of amounts
    QList<CamtNode> children;

    // camt nests about eight levels below an entry; anything deeper is skipped, so that a hostile file
    // cannot exhaust the stack.
    static constexpr int MaximumDepth = 32;

    // Reads the element `reader` is on (a StartElement) up to its end; on a parse error the node is partial
    // and the reader has the error.
    static CamtNode read(QXmlStreamReader& reader, int depth = 0);

    const CamtNode* child(QStringView childName) const;
    const CamtNode* path(std::initializer_list<QStringView> names) const;
    QList<const CamtNode*> childrenNamed(QStringView childName) const;
    // The text at `names`, or empty.
    QString textAt(std::initializer_list<QStringView> names) const;
};

} // namespace Moniagent
