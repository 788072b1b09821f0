/** District maps, the boundary upload and region names, in Chinese. */
export const messagesMapZh = {
  'map.title': '区县分布',
  'map.subtitle': '本链企业与产值在各区县的分布；园区按所在区县标注',
  'map.region': '地区',
  'map.metric': '着色依据',
  'map.metric.enterprises': '企业数',
  'map.metric.output': '产值',
  'map.year': '{year} 年产值',
  'map.district': '区县',
  'map.enterprises': '企业数',
  'map.output': '产值',
  'map.parks': '园区',
  'map.noOutput': '未报',
  'map.legendNone': '无',
  'map.treemapNote':
    '尚未上传本地区的区县边界，故以矩形树图展示。管理员可在“系统管理 · 区县边界”上传本单位经审核的边界数据（GeoJSON）。',
  'map.mapNote': '边界为本单位上传的数据（{date} 上传）。园区没有坐标，标在其所在区县的中心点。',
  'map.parksNote': '园区没有坐标，列在所在区县。',
  'map.noDistricts': '该地区没有下级区县',
} as const;
