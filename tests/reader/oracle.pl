#!/usr/bin/perl
# tests/reader/oracle.pl - turn readelf's output into the harness's format,
# and derive from it what elf_lookup must answer.  readelf is the oracle;
# nothing here knows what a fixture holds.
#
#   oracle.pl syms      < readelf --dyn-syms -W     index value size type bind vis ndx name
#   oracle.pl ours      < harness syms              the same, as readelf would show it
#   oracle.pl verdefs   < readelf -V                index flags count name vd_hash
#   oracle.pl queries  LISTING            "NAME VERSION" lines (VERSION "-": none)
#   oracle.pl expect   LISTING < QUERIES  what each query must give
#   oracle.pl callable LISTING            the names elf_lookup can find
#
# LISTING is the output of "oracle.pl syms".
use strict;
use warnings;

my $mode = shift // die "usage: oracle.pl syms|ours|verdefs|queries|expect|callable\n";

# readelf -W --dyn-syms:
#    12: 0000000000001030    10 FUNC    GLOBAL DEFAULT   10 __vdso_clock_gettime@@LINUX_2.6
# value in hex with leading zeros, size in decimal (or 0x... when large).
sub syms {
	while (<STDIN>) {
		next unless /^\s*(\d+):\s+([0-9a-f]+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s?(.*)$/;
		my ($i, $value, $size, $type, $bind, $vis, $ndx, $name) = ($1, $2, $3, $4, $5, $6, $7, $8);
		$size = hex($size) if $size =~ /^0x/;
		$name =~ s/\s+\(\d+\)$//;       # " (2)": a version index readelf adds for verneed
		printf "%d %x %d %s %s %s %s %s\n", $i, hex($value), $size, $type, $bind, $vis, $ndx, $name;
	}
}

# readelf prints no version for the absolute symbol that a version
# definition brings (LINUX_2.6 of version LINUX_2.6): the harness does.
sub ours {
	while (<STDIN>) {
		chomp;
		my @f = split / /, $_, 8;
		$f[7] //= '';
		$f[7] = $1 if $f[6] eq 'ABS' && $f[7] =~ /^([^@]+)@@?(.+)$/ && $1 eq $2;
		print join(' ', @f), "\n";
	}
}

# The ELF hash of the gABI ("Hash Table"), written again here so that the
# reader's vd_hash values meet an independent check.
sub elf_hash {
	my $h = 0;
	for my $c (unpack 'C*', shift) {
		$h = (($h << 4) + $c) & 0xffffffff;
		my $g = $h & 0xf0000000;
		$h ^= $g >> 24 if $g;
		$h &= ~$g & 0xffffffff;
	}
	return $h;
}

#   0x001c: Rev: 1  Flags: none  Index: 2  Cnt: 1  Name: LINUX_2.5
sub verdefs {
	my %flag = (none => 0, BASE => 1, WEAK => 2, INFO => 4);
	my $in = 0;
	while (<STDIN>) {
		$in = 1 if /^Version definition section/;
		$in = 0 if /^Version (symbols|needs) section/;
		next unless $in && /Rev:\s*\d+\s+Flags:\s*(.*?)\s+Index:\s*(\d+)\s+Cnt:\s*(\d+)\s+Name:\s*(\S+)/;
		my ($flags, $index, $cnt, $name) = ($1, $2, $3, $4);
		my $f = 0;
		$f |= $flag{$_} // die "unknown flag $_\n" for split /\s*\|\s*/, $flags;
		printf "%d %d %d %s %x\n", $index, $f, $cnt, $name, elf_hash($name);
	}
}

# Read a normalized listing: the file named by the next argument.
sub listing {
	my $path = shift @ARGV // die "oracle.pl: no listing file\n";
	open my $fh, '<', $path or die "oracle.pl: $path: $!\n";
	my @s;
	while (<$fh>) {
		chomp;
		my ($i, $value, $size, $type, $bind, $vis, $ndx, $full) = split / /, $_, 8;
		next unless defined $full && $full ne '';
		my ($name, $at, $ver) = $full =~ /^([^@]+)(?:(@@?)(.+))?$/;
		push @s, {
			value => $value, name => $name, full => $full, ver => $ver,
			hidden => defined $at && $at eq '@',
			# gABI: defined, a function or untyped, global or weak
			callable => $ndx ne 'UND' && ($type eq 'FUNC' || $type eq 'NOTYPE') &&
				    ($bind eq 'GLOBAL' || $bind eq 'WEAK'),
		};
	}
	return @s;
}

# The queries: every name, unversioned and with every version the image
# knows, one version it does not know, and a name it does not have.
sub queries {
	my @s = listing();
	my (%seen, %vers, @names);
	for (@s) {
		push @names, $_->{name} unless $seen{$_->{name}}++;
		$vers{$_->{ver}} = 1 if defined $_->{ver};
	}
	my @vers = (sort(keys %vers), 'LINUX_9.9');
	for my $n (@names, 'no_such_symbol') {
		print "$n -\n";
		print "$n $_\n" for @vers;
	}
}

# What each query must give, by the rules vdso.h states: a callable symbol
# of that name; with a version, the one of that version (any, when the
# image defines no versions); without, the default (@@) one before a
# hidden (@) one.
sub expect {
	my @s = listing();
	my $versioned = grep { defined $_->{ver} } @s;
	my $show = sub { my $x = shift; $x ? "$x->{value} $x->{full}" : 'not found' };
	while (my $q = <STDIN>) {
		chomp $q;
		my ($n, $v) = split / /, $q;
		my @c = grep { $_->{callable} && $_->{name} eq $n } @s;
		my $hit;
		if ($v ne '-' && $versioned) {
			($hit) = grep { defined $_->{ver} && $_->{ver} eq $v } @c;
		} else {
			($hit) = ((grep { !$_->{hidden} } @c), (grep { $_->{hidden} } @c));
		}
		print "$n $v -> ", $show->($hit), "\n";
	}
}

sub callable {
	my %seen;
	for (listing()) {
		print "$_->{name}\n" if $_->{callable} && !$seen{$_->{name}}++;
	}
}

my %modes = (syms => \&syms, ours => \&ours, verdefs => \&verdefs,
	     queries => \&queries, expect => \&expect, callable => \&callable);
($modes{$mode} // die "oracle.pl: unknown mode $mode\n")->();
