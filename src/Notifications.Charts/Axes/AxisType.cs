namespace Notifications.Charts.Axes;

internal enum AxisType { Linear, Category, Date }
