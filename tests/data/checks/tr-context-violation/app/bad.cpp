// Fixture for tests/checks/check_translations.cmake: tr() through a free helper lupdate cannot attribute.
#include <QCoreApplication>
namespace Fixture {
class Plain
{
public:
    QString text() const { return tr("lost"); }
};
} // namespace Fixture
