#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The guest half of "make demo": load sima, run real programs, show which
# IMA/EVM call sites fired for each, verify the list against the TPM,
# appraise signed and unsigned programs, unload.
set -e
counts=/sys/kernel/security/sima/hook_counts

say() {
	printf '\n\033[1m### %s\033[0m\n' "$*"
}

# Run a command, then print the hook points it moved and by how much.
show() {
	before=$(cat $counts)
	"$@" >/dev/null 2>&1 || true
	after=$(cat $counts)
	printf '$ %s\n' "$*"
	echo "$before" | while read -r name n; do
		m=$(echo "$after" | sed -n "s/^$name //p")
		[ "$m" = "$n" ] || printf '    %-24s +%s\n' "$name" $((m - n))
	done
}

say "kernel $(uname -r), TPM: $(cat /sys/class/tpm/tpm0/tpm_version_major 2>/dev/null || echo none)"
# sima's keyring takes only keys that a key the kernel trusts or a CA
# given with x509_ca= signed: the demo brings its own CA.
openssl req -x509 -newkey rsa:2048 -nodes -keyout /tmp/ca.pem \
	-subj /CN=sima-demo-ca -outform DER -out /tmp/ca.der -days 2 \
	-addext basicConstraints=critical,CA:TRUE \
	-addext keyUsage=critical,keyCertSign \
	-addext subjectKeyIdentifier=hash >/dev/null 2>&1
say "insmod sima.ko ima_policy=tcb x509_ca=ca.der"
insmod /sima/sima.ko ima_policy=tcb x509_ca=/tmp/ca.der
dmesg | grep 'sima:' | tail -3
ls -l /sys/kernel/security/ | grep -E 'sima|ima'

say "what each program makes sima see (the counts include the demo's own cat of hook_counts)"
cd /scratch
show sh -c 'echo hello > hello.txt'
show sha256sum hello.txt
show cp /sima/bin/simatest prog
show ./prog exec /bin/true
show chmod 0755 prog
show setfattr -n user.demo -v 1 hello.txt
show setfattr -x user.demo hello.txt
show mknod fifo p
show openssl dgst -sha256 hello.txt
show tpm2_pcrread sha256:"$(cat /sys/module/sima/parameters/pcr)"
show insmod /sima/sima_testmod.ko
show rmmod sima_testmod

say "hook_counts"
cat $counts

say "the measurement list (first and last entries)"
S=/sys/kernel/security/sima
head -3 $S/ascii_runtime_measurements
echo "..."
tail -3 $S/ascii_runtime_measurements
echo "$(cat $S/runtime_measurements_count) entries"

say "evmctl ima_measurement: replay the list against the TPM's PCRs"
for bank in sha1 sha256; do
	i=0
	while [ $i -lt 24 ]; do
		printf 'PCR-%02d: %s\n' $i "$(cat /sys/class/tpm/tpm0/pcr-$bank/$i)"
		i=$((i + 1))
	done >/tmp/pcrs-$bank
	printf '$ evmctl ima_measurement --pcrs %s,pcrs binary_runtime_measurements\n' $bank
	evmctl ima_measurement --pcrs $bank,/tmp/pcrs-$bank \
		$S/binary_runtime_measurements 2>&1 | tail -1
done

say "appraisal: evmctl signs a program with a key the CA issued, sima enforces"
cd /scratch
openssl req -x509 -newkey rsa:2048 -nodes -keyout /tmp/rogue.pem \
	-subj /CN=sima-demo-rogue -outform DER -out /tmp/rogue.der -days 2 \
	-addext subjectKeyIdentifier=hash >/dev/null 2>&1
printf '$ keyctl padd asymmetric "" %%:.ima < self-signed.der\n'
keyctl padd asymmetric "" %:.ima </tmp/rogue.der 2>&1 || true
printf '%s\n' "keyUsage=critical,digitalSignature" \
	"subjectKeyIdentifier=hash" "authorityKeyIdentifier=keyid" >/tmp/ima.ext
openssl req -new -newkey rsa:2048 -nodes -keyout /tmp/ima.pem \
	-subj /CN=sima-demo -out /tmp/ima.csr >/dev/null 2>&1
openssl x509 -req -in /tmp/ima.csr -CA /tmp/ca.der -CAform DER \
	-CAkey /tmp/ca.pem -CAcreateserial -CAserial /tmp/ca.srl -days 2 \
	-extfile /tmp/ima.ext -outform DER -out /tmp/ima.der >/dev/null 2>&1
printf '$ keyctl padd asymmetric "" %%:.ima < ima.der   # issued by ca.der\n'
keyctl padd asymmetric "" %:.ima </tmp/ima.der
cp prog signed
cp prog unsigned
cp prog tampered
printf '$ evmctl ima_sign --key ima.pem signed tampered\n'
evmctl ima_sign --key /tmp/ima.pem -a sha256 signed >/dev/null
evmctl ima_sign --key /tmp/ima.pem -a sha256 tampered >/dev/null
echo '# changed after signing' >>tampered
echo '$ echo "appraise func=BPRM_CHECK fsname=ext4" > policy'
echo "appraise func=BPRM_CHECK fsname=ext4" >$S/policy
for p in signed unsigned tampered; do
	printf '$ ./%s exec /bin/true: ' $p
	if ./$p exec /bin/true 2>/dev/null; then
		echo ran
	else
		echo "refused ($(./$p exec /bin/true 2>&1 | sed 's/.*: //'))"
	fi
done
dmesg | grep -o 'type=1800.*' | grep appraise_data | tail -2 |
	sed 's/ pid=.*op=/ op=/'

say "rmmod sima"
rmmod sima
ls /sys/kernel/security/
echo
echo "demo finished"
