#!/bin/bash
export OPT_OUT_TRACKING=true OMP_NUM_THREADS=1 TORCH_CPP_LOG_LEVEL=ERROR DJL_CACHE_DIR=/work/main/.alignlab/djl-cache ENGINE_CACHE_DIR=/work/main/.alignlab/djl-cache MALLOC_MMAP_THRESHOLD_=268435456 MALLOC_TRIM_THRESHOLD_=4294967296
exec java -Xmx3g -XX:+UseTransparentHugePages -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 -cp out:/work/main/cli/target/alignlab-cli.jar org.alignlab.corrigibility.Probe "$@"
