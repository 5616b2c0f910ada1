#include "promptlibrary.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRegularExpression>

namespace Moniagent {

QString PromptTemplate::render(const QHash<QString, QString>& values) const
{
    QString result = text;
    for (auto it = values.begin(); it != values.end(); ++it)
        result.replace(QStringLiteral("{{") + it.key() + QStringLiteral("}}"), it.value());
    return result;
}

PromptTemplate PromptLibrary::parse(const QString& fileName, const QByteArray& content)
{
    static const QRegularExpression fileNamePattern(QStringLiteral("^(.+)\\.v(\\d+)\\.md$"));
    PromptTemplate prompt;
    const auto match = fileNamePattern.match(fileName);
    if (match.hasMatch()) {
        prompt.name = match.captured(1);
        prompt.version = match.captured(2);
    }
    QString text = QString::fromUtf8(content);
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    if (text.startsWith(QLatin1String("---\n"))) {
        const auto end = text.indexOf(QLatin1String("\n---\n"), 3);
        if (end > 0) {
            const auto header = text.mid(4, end - 4).split(u'\n');
            for (const auto& line : header) {
                const auto colon = line.indexOf(u':');
                if (colon < 0)
                    continue;
                const auto key = line.left(colon).trimmed();
                const auto value = line.mid(colon + 1).trimmed();
                if (key == QLatin1String("name"))
                    prompt.name = value;
                else if (key == QLatin1String("version"))
                    prompt.version = value;
            }
            text = text.mid(end + 5);
        }
    }
    prompt.text = text.trimmed();
    prompt.sha256
        = QString::fromLatin1(QCryptographicHash::hash(prompt.text.toUtf8(), QCryptographicHash::Sha256).toHex());
    return prompt;
}

Result<PromptTemplate> PromptLibrary::load(const QString& name, int version)
{
    const QString fileName = name + QStringLiteral(".v") + QString::number(version) + QStringLiteral(".md");
    QFile file(directory() + u'/' + fileName);
    if (!file.open(QIODevice::ReadOnly))
        return Error::notFound(tr("The prompt %1 is missing.").arg(fileName));
    return parse(fileName, file.readAll());
}

Result<PromptTemplate> PromptLibrary::load(const QString& name)
{
    static const QRegularExpression versionPattern(QStringLiteral("\\.v(\\d+)\\.md$"));
    int newest = 0;
    const auto files = QDir(directory()).entryList({name + QStringLiteral(".v*.md")}, QDir::Files);
    for (const auto& file : files) {
        const auto match = versionPattern.match(file);
        if (match.hasMatch() && file.left(match.capturedStart()) == name)
            newest = std::max(newest, match.captured(1).toInt());
    }
    if (newest == 0)
        return Error::notFound(tr("The prompt %1 is missing.").arg(name));
    return load(name, newest);
}

} // namespace Moniagent
