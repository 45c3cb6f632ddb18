#pragma once

#include <QMainWindow>

namespace fa {

class MapWidget;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    MapWidget* mapWidget() const { return m_map; }

private:
    MapWidget* m_map = nullptr;
};

} // namespace fa
