// Reports: placeholder so the package builds while the module is being written; removed by its owner.
