#include "mainwindow.h"

#include "mapwidget.h"

#include <QLabel>
#include <QSplitter>

namespace fa {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setWindowTitle(tr("Frontier Atlas"));
    auto* splitter = new QSplitter(Qt::Vertical, this);
    m_map = new MapWidget(splitter);
    splitter->addWidget(m_map);
    splitter->addWidget(new QLabel(tr("Timeline"), splitter));
    setCentralWidget(splitter);
    resize(1400, 900);
}

} // namespace fa
