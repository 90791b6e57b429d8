// Types of the vendored ECharts build (copied from node_modules/echarts by scripts/build.sh):
// the package's own declarations.
export * from 'echarts';
