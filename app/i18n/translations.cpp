#include "translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>

namespace Moniagent {

Translations::Translations(QObject* parent)
    : QObject(parent)
{ }

Translations::~Translations()
{
    removeAll();
}

void Translations::removeAll()
{
    const bool running = QCoreApplication::instance() != nullptr; // not while the application is going away
    for (QTranslator* translator : std::as_const(m_translators)) {
        if (running)
            QCoreApplication::removeTranslator(translator);
        delete translator;
    }
    m_translators.clear();
}

bool Translations::install(const QLocale& locale)
{
    removeAll();
    auto* qt = new QTranslator(this);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        m_translators.append(qt);
    else
        delete qt;
    // English first, so plural forms exist even where a translation is incomplete; the user's language on top.
    auto* english = new QTranslator(this);
    if (english->load(QStringLiteral(":/i18n/moniagent_en.qm")))
        m_translators.append(english);
    else
        delete english;
    bool found = locale.language() == QLocale::English;
    if (!found) {
        auto* own = new QTranslator(this);
        if (own->load(locale, QStringLiteral("moniagent"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
            m_translators.append(own);
            found = true;
        } else {
            delete own;
        }
    }
    for (QTranslator* translator : std::as_const(m_translators))
        QCoreApplication::installTranslator(translator);
    return found;
}

QStringList Translations::available()
{
    QStringList languages;
    const QStringList files = QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("moniagent_*.qm")});
    for (const QString& file : files)
        languages << file.mid(10, file.size() - 13);
    return languages;
}

} // namespace Moniagent
