#include "camtnode.h"

namespace Moniagent {

CamtNode CamtNode::read(QXmlStreamReader& reader, int depth)
{
    CamtNode node;
    node.name = reader.name().toString();
    if (depth >= MaximumDepth) {
        reader.skipCurrentElement();
        return node;
    }
    node.currency = reader.attributes().value(QStringLiteral("Ccy")).toString().trimmed();
    QString text;
    while (!reader.atEnd()) {
        const QXmlStreamReader::TokenType token = reader.readNext();
        if (token == QXmlStreamReader::StartElement)
            node.children.append(read(reader, depth + 1));
        else if (token == QXmlStreamReader::Characters)
            text += reader.text();
        else if (token == QXmlStreamReader::EndElement)
            break;
    }
    node.text = text.trimmed();
    return node;
}

const CamtNode* CamtNode::child(QStringView childName) const
{
    for (const CamtNode& c : children) {
        if (c.name == childName)
            return &c;
    }
    return nullptr;
}

const CamtNode* CamtNode::path(std::initializer_list<QStringView> names) const
{
    const CamtNode* node = this;
    for (QStringView n : names) {
        node = node->child(n);
        if (!node)
            return nullptr;
    }
    return node;
}

QList<const CamtNode*> CamtNode::childrenNamed(QStringView childName) const
{
    QList<const CamtNode*> out;
    for (const CamtNode& c : children) {
        if (c.name == childName)
            out.append(&c);
    }
    return out;
}

QString CamtNode::textAt(std::initializer_list<QStringView> names) const
{
    const CamtNode* node = path(names);
    return node ? node->text : QString();
}

} // namespace Moniagent
