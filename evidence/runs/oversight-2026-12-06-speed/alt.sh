#!/bin/bash
# alternate old (cli-H) and new (cli-N) runs of the bench on commons-lang3; nothing else running
cd /work/main
for i in 1 2 3; do
  for v in H N; do
    s=$(date +%T)
    java -Xmx3g -jar /tmp/cli-$v/alignlab-cli.jar oversee bench --code-base org.apache.commons:commons-lang3:3.14.0 --commits 0 --offline --out /tmp/alt-$v-$i > /tmp/alt-$v-$i.log 2>&1
    echo "$v $i $s-$(date +%T) $(grep -o 'synthetic changes [0-9.]* per second[^;]*' /tmp/alt-$v-$i.log | tr '\n' '|') $(grep -o 'synthetic transcripts [0-9.]* per second' /tmp/alt-$v-$i.log)" >> alt.txt
  done
done
echo done >> alt.txt
